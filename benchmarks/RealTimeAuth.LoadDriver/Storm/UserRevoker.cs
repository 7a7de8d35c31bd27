using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Server.Admin;

namespace RealTimeAuth.LoadDriver.Storm;

/// <summary>Revokes every session of one user through the admin API (<c>POST /admin/v1/users/revoke</c>), as an admin would.</summary>
internal sealed class UserRevoker(HttpClient admin, string adminToken, string issuer, string subject)
{
    private const string Reason = "load driver storm";

    public async Task<RevocationResponse> RevokeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/v1/users/revoke")
        {
            Content = JsonContent.Create(new RevokeUserRequest(issuer, subject, Reason)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await admin.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"Revoking the user answered {(int)response.StatusCode}: {body}"));
        }

        return await response.Content.ReadFromJsonAsync<RevocationResponse>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("The revoke call answered with an empty body.");
    }
}
