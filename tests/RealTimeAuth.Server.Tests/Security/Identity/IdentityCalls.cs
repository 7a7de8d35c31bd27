using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Live;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>
/// What an agent (or an attacker holding a client's credentials) sends the server of <see cref="IdentityAttackFixture"/>:
/// user tokens signed by its test IdP, exchanges and delegations with valid proofs of possession, and authorize calls.
/// </summary>
internal sealed class IdentityCalls(IdentityAttackFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.CreateClient();
    private readonly List<Key> _keys = [];

    /// <summary>Claims of a valid user access token: a fresh user who signed in through the IdP's <c>portal</c> client.</summary>
    public static JsonObject UserClaims(string issuer = IdentityAttackFixture.Issuer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = $"user-{Guid.NewGuid():N}",
            ["aud"] = IdentityAttackFixture.Audience,
            ["client_id"] = IdentityAttackFixture.PortalIdpClient,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 600,
        };
    }

    public string Sign(JsonObject claims, string typ = "at+jwt") => fixture.IdpKey.Sign(claims, typ);

    /// <summary>Exchanges <paramref name="subjectToken"/> as <paramref name="clientId"/> for a root session.</summary>
    public Task<Exchanged> ExchangeAsync(string subjectToken, string clientId, string? kind = "copilot", string? scope = "records:read records:write") =>
        SendAsync(Form(subjectToken, RtaExchangeNames.AccessTokenType, kind, scope), clientId, parent: null);

    /// <summary>Delegates from <paramref name="parent"/> as <paramref name="clientId"/>, proving both keys.</summary>
    public Task<Exchanged> DelegateAsync(Exchanged parent, string clientId, string? kind, string? scope = null) =>
        SendAsync(Form(parent.AccessToken!, RtaExchangeNames.RtaTokenType, kind, scope), clientId, parent);

    /// <summary>Asks the live channel (plain HTTP, with the session's proof) whether the session may act.</summary>
    public async Task<LiveAuthorizeResponse> AuthorizeAsync(Exchanged session, string action, string resourceType)
    {
        var uri = new Uri(fixture.BaseAddress, LiveApi.AuthorizePath.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new { action, resource = new { type = resourceType, id = "r-1" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("RTA", session.AccessToken);
        request.Headers.TryAddWithoutValidation(RtaBindingNames.ProofHeader,
            session.Writer.Write(HttpMethod.Post.Method, uri.AbsoluteUri, DpopAccessTokenHash.Compute(session.AccessToken!)));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LiveAuthorizeResponse>())!;
    }

    public string Secret(string clientId) => clientId switch
    {
        "copilot" => fixture.CopilotSecret,
        "agent" => fixture.AgentSecret,
        IdentityAttackFixture.ReaderClient => fixture.ReaderSecret,
        IdentityAttackFixture.PortalOnlyClient => fixture.PortalOnlySecret,
        _ => throw new ArgumentOutOfRangeException(nameof(clientId), clientId, "Not a client of the fixture."),
    };

    public void Dispose()
    {
        _http.Dispose();
        _keys.ForEach(key => key.Dispose());
    }

    private static Dictionary<string, string> Form(string subjectToken, string subjectTokenType, string? kind, string? scope)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RtaExchangeNames.Parameters.GrantType] = RtaExchangeNames.GrantType,
            [RtaExchangeNames.Parameters.SubjectToken] = subjectToken,
            [RtaExchangeNames.Parameters.SubjectTokenType] = subjectTokenType,
            [RtaExchangeNames.Parameters.Nonce] = Guid.NewGuid().ToString("N"),
            [RtaExchangeNames.Parameters.AgentId] = $"{kind ?? "agent"}-{Guid.NewGuid():N}",
        };
        if (kind is not null)
        {
            form[RtaExchangeNames.Parameters.AgentKind] = kind;
        }

        if (scope is not null)
        {
            form[RtaExchangeNames.Parameters.Scope] = scope;
        }

        return form;
    }

    private async Task<Exchanged> SendAsync(Dictionary<string, string> form, string clientId, Exchanged? parent)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        _keys.Add(key);
        var writer = new DpopProofWriter(key, TimeProvider.System);
        var endpoint = new Uri(fixture.BaseAddress, RtaExchangeNames.TokenEndpointPath.TrimStart('/'));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{Secret(clientId)}")));
        request.Headers.TryAddWithoutValidation(RtaBindingNames.ProofHeader, writer.Write(HttpMethod.Post.Method, endpoint.AbsoluteUri));
        if (parent is not null)
        {
            request.Headers.TryAddWithoutValidation(RtaBindingNames.ParentProofHeader,
                parent.Writer.Write(HttpMethod.Post.Method, endpoint.AbsoluteUri, DpopAccessTokenHash.Compute(parent.AccessToken!)));
        }

        using var response = await _http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new Exchanged(response.StatusCode, body, writer);
    }
}
