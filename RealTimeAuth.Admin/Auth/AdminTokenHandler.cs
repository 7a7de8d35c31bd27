using System.Net;
using System.Net.Http.Headers;

namespace RealTimeAuth.Admin.Auth;

/// <summary>
/// Attaches the signed-in admin's own access token to every call to the server's admin API; the server
/// enforces the roles. Created per circuit around the factory's pipeline, so it sees the circuit's tokens.
/// </summary>
public sealed class AdminTokenHandler(AdminTokenAccessor tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        if (token is null)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
        }

        return response;
    }
}
