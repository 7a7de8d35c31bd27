using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// Raw token endpoint calls, so every malformed request can be sent exactly as written. Each carries valid proofs of
/// possession unless the caller writes its own headers.
/// </summary>
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

    /// <summary>The token endpoint's absolute URI as <paramref name="http"/> reaches it: the <c>htu</c> of exchange proofs.</summary>
    public static Uri TokenEndpoint(HttpClient http) => new(http.BaseAddress!, RtaExchangeNames.TokenEndpointPath.TrimStart('/'));

    /// <summary>
    /// Exchanges a user's IdP token as the <c>copilot</c> client with a proof by a new key; throws unless it succeeded.
    /// The outcome's <see cref="ExchangeOutcome.Key"/> is the key the session is bound to.
    /// </summary>
    public static async Task<ExchangeOutcome> IssueAsync(
        ServerCluster cluster, ServerHost server, string userToken, string scope, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var outcome = await PostAsync(
            http, FromUserToken(userToken, scope), Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), cancellationToken);
        return EnsureIssued(outcome);
    }

    /// <summary>
    /// Delegates from <paramref name="parent"/> (an earlier outcome, with its key) as the <c>agent</c> client, proving
    /// possession of the parent's key and of a new child key; throws unless it succeeded.
    /// </summary>
    public static async Task<ExchangeOutcome> IssueChildAsync(
        ServerCluster cluster, ServerHost server, ExchangeOutcome parent, string scope, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var outcome = await PostAsync(
            http, FromParentToken(parent.AccessToken!, scope), Basic(ServerCluster.AgentClientId, cluster.AgentSecret), ProofKey.Create(), parent,
            cancellationToken);
        return EnsureIssued(outcome);
    }

    /// <summary>Posts a form with a valid <c>DPoP</c> proof by a new key, authenticating with <paramref name="basic"/> when given.</summary>
    public static Task<ExchangeOutcome> PostAsync(
        HttpClient http, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? basic, CancellationToken cancellationToken) =>
        PostAsync(http, form, basic, ProofKey.Create(), parent: null, cancellationToken);

    /// <summary>
    /// Posts a form with a valid <c>DPoP</c> proof by <paramref name="key"/> and, for a delegation, a valid
    /// <c>RTA-Parent-DPoP</c> proof by <paramref name="parent"/>'s key over its token. The outcome carries <paramref name="key"/>.
    /// </summary>
    public static async Task<ExchangeOutcome> PostAsync(
        HttpClient http, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? basic, ProofKey key, ExchangeOutcome? parent,
        CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(http, new FormUrlEncodedContent(form), basic, Proofs(http, key, parent), cancellationToken);
        return outcome with { Key = key };
    }

    /// <summary>The headers of a valid exchange: the new session's proof by <paramref name="key"/>, and the parent's when delegating.</summary>
    public static List<KeyValuePair<string, string>> Proofs(HttpClient http, ProofKey key, ExchangeOutcome? parent = null)
    {
        var endpoint = TokenEndpoint(http);
        List<KeyValuePair<string, string>> headers = [new(RtaBindingNames.ProofHeader, key.ProvePost(endpoint))];
        if (parent is not null)
        {
            headers.Add(new(RtaBindingNames.ParentProofHeader, parent.Key!.ProvePost(endpoint, parent.AccessToken!)));
        }

        return headers;
    }

    /// <summary>Posts any body with a valid proof by a new key, for requests that are not forms at all.</summary>
    public static Task<ExchangeOutcome> SendAsync(
        HttpClient http, HttpContent? content, AuthenticationHeaderValue? basic, CancellationToken cancellationToken) =>
        SendAsync(http, content, basic, Proofs(http, ProofKey.Create()), cancellationToken);

    /// <summary>Posts any body with exactly <paramref name="headers"/> (a name given twice is sent twice), for proofs as written.</summary>
    public static async Task<ExchangeOutcome> SendAsync(
        HttpClient http, HttpContent? content, AuthenticationHeaderValue? basic, IEnumerable<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RtaExchangeNames.TokenEndpointPath.TrimStart('/')) { Content = content };
        request.Headers.Authorization = basic;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await ExchangeOutcome.ReadAsync(response, cancellationToken);
    }

    private static ExchangeOutcome EnsureIssued(ExchangeOutcome outcome) =>
        outcome.Status == HttpStatusCode.OK && outcome.AccessToken is not null
            ? outcome
            : throw new InvalidOperationException($"The setup exchange failed: {outcome}");
}
