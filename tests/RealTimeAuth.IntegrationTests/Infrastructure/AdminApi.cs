using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Server.Admin;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>The server's admin API as the admin console calls it, with an admin's access token from the dev IdP.</summary>
internal static class AdminApi
{
    public static async Task<RevocationResponse> RevokeSessionAsync(
        ServerHost server, string adminToken, string sessionId, string reason, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/v1/sessions/{Uri.EscapeDataString(sessionId)}/revoke")
        {
            Content = JsonContent.Create(new { reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"Revoking {sessionId} on replica {server.Name} answered {(int)response.StatusCode}: {body}"));
        }

        return await response.Content.ReadFromJsonAsync<RevocationResponse>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The revoke call answered with an empty body.");
    }
}
