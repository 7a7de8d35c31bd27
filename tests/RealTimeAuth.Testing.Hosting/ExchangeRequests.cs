using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>Raw token endpoint calls, so every malformed request can be sent exactly as written.</summary>
public static class ExchangeRequests
{
    /// <summary>A complete, valid exchange form for a root session from an IdP access token.</summary>
    public static Dictionary<string, string> FromUserToken(string accessToken, string scope = "records:read") => new(StringComparer.Ordinal)
    {
        [RtaExchangeNames.Parameters.GrantType] = RtaExchangeNames.GrantType,
        [RtaExchangeNames.Parameters.SubjectToken] = accessToken,
        [RtaExchangeNames.Parameters.SubjectTokenType] = RtaExchangeNames.AccessTokenType,
        [RtaExchangeNames.Parameters.Nonce] = NewNonce(),
        [RtaExchangeNames.Parameters.AgentId] = $"copilot-{Guid.NewGuid():N}",
        [RtaExchangeNames.Parameters.AgentName] = "Integration co-pilot",
        [RtaExchangeNames.Parameters.AgentKind] = "copilot",
        [RtaExchangeNames.Parameters.AgentSoftware] = "integration-tests/1.0",
        [RtaExchangeNames.Parameters.Scope] = scope,
    };

    /// <summary>A complete, valid exchange form for a delegated session from the parent's RTAToken.</summary>
    public static Dictionary<string, string> FromParentToken(string parentToken, string scope) => new(StringComparer.Ordinal)
    {
        [RtaExchangeNames.Parameters.GrantType] = RtaExchangeNames.GrantType,
        [RtaExchangeNames.Parameters.SubjectToken] = parentToken,
        [RtaExchangeNames.Parameters.SubjectTokenType] = RtaExchangeNames.RtaTokenType,
        [RtaExchangeNames.Parameters.Nonce] = NewNonce(),
        [RtaExchangeNames.Parameters.AgentId] = $"agent-{Guid.NewGuid():N}",
        [RtaExchangeNames.Parameters.AgentKind] = "agent",
        [RtaExchangeNames.Parameters.Scope] = scope,
    };

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    /// <summary>Exchanges a user's IdP token as the <c>copilot</c> client; throws unless it succeeded.</summary>
    public static async Task<ExchangeOutcome> IssueAsync(
        ServerCluster cluster, ServerHost server, string userToken, string scope, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var outcome = await PostAsync(
            http, FromUserToken(userToken, scope), Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), cancellationToken);
        return outcome.Status == HttpStatusCode.OK && outcome.AccessToken is not null
            ? outcome
            : throw new InvalidOperationException($"The setup exchange failed: {outcome}");
    }

    /// <summary>Posts a form, authenticating with <paramref name="basic"/> when given.</summary>
    public static Task<ExchangeOutcome> PostAsync(
        HttpClient http, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? basic, CancellationToken cancellationToken) =>
        SendAsync(http, new FormUrlEncodedContent(form), basic, cancellationToken);

    /// <summary>Posts any body, for requests that are not forms at all.</summary>
    public static async Task<ExchangeOutcome> SendAsync(
        HttpClient http, HttpContent? content, AuthenticationHeaderValue? basic, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RtaExchangeNames.TokenEndpointPath.TrimStart('/')) { Content = content };
        request.Headers.Authorization = basic;
        using var response = await http.SendAsync(request, cancellationToken);
        return await ExchangeOutcome.ReadAsync(response, cancellationToken);
    }
}
