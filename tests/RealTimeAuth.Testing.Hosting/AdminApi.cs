using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Server.Admin;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>The server's admin API as the admin console calls it, with an admin's access token from the dev IdP.</summary>
public static class AdminApi
{
    public static async Task<RevocationResponse> RevokeSessionAsync(
        ServerHost server, string adminToken, string sessionId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = server.CreateHttpClient();
        return await RevokeSessionAsync(http, adminToken, sessionId, reason, cancellationToken);
    }

    /// <summary>
    /// Revokes through <paramref name="http"/>, whose base address is a replica's HTTP endpoint (in this process or
    /// another). A client kept across calls reuses its connection, as the admin console does.
    /// </summary>
    public static async Task<RevocationResponse> RevokeSessionAsync(
        HttpClient http, string adminToken, string sessionId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
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
                string.Create(CultureInfo.InvariantCulture, $"Revoking {sessionId} at {http.BaseAddress} answered {(int)response.StatusCode}: {body}"));
        }

        return await response.Content.ReadFromJsonAsync<RevocationResponse>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The revoke call answered with an empty body.");
    }
}
