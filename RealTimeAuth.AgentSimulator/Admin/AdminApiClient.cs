using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RealTimeAuth.AgentSimulator.Identity;

namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>
/// The server's admin API as a security admin calls it: a named client on the server's service discovery name (so the
/// singletons that hold this class never pin one handler), with an admin's bearer token from the IdP.
/// </summary>
internal sealed class AdminApiClient(IHttpClientFactory httpClients, AdminTokenSource tokens) : IAdminApi
{
    /// <summary>The named <see cref="HttpClient"/> whose base address is the server.</summary>
    public const string HttpClientName = "rta-admin-api";

    private const int MaxBodyInMessage = 300;

    public bool IsConfigured => tokens.IsConfigured;

    public Task PrepareAsync(CancellationToken cancellationToken) => GetTokenAsync(cancellationToken);

    public async Task<AdminRevocation> RevokeSessionAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(sessionId, out var id))
        {
            throw new ArgumentException($"'{sessionId}' is not a session id.", nameof(sessionId));
        }

        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"admin/v1/sessions/{id:D}/revoke", UriKind.Relative))
        {
            Content = JsonContent.Create(new { reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var http = httpClients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new AdminApiException(null, $"The server's admin API could not be reached: {exception.Message}", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new AdminApiException(response.StatusCode, await DescribeAsync(response, cancellationToken).ConfigureAwait(false));
            }

            return await response.Content.ReadFromJsonAsync<AdminRevocation>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
                ?? throw new AdminApiException(response.StatusCode, "The admin API answered the revocation with an empty body.");
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SignInException exception)
        {
            throw new AdminApiException(null, $"The admin could not sign in at the identity provider: {exception.Message}", exception);
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "the server did not accept the admin's token; check that the server's Admin:Authority is the identity provider the simulator signs in at",
            HttpStatusCode.Forbidden => "the admin user lacks the rta-admin role",
            HttpStatusCode.NotFound => "the session is unknown to the server",
            _ => null,
        };
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length > MaxBodyInMessage)
        {
            body = body[..MaxBodyInMessage] + "…";
        }

        return string.Create(CultureInfo.InvariantCulture, $"The admin API answered {status}{(hint is null ? "" : ": " + hint)}.{(body.Length > 0 ? " " + body : "")}");
    }
}
