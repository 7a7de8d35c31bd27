using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// A token exchange by the <c>copilot</c> client with a user token of the test IdP <see cref="ExchangeGateFixture.Issuer"/>,
/// DPoP-bound: how the tests see whether a transmitter's block stops a user.
/// </summary>
internal static class GateExchange
{
    public static async Task<(HttpStatusCode Status, string? SessionId, JsonElement Body)> ExchangeAsync(
        SsfServer server, TestSigningKey idpKey, string subject, string? email)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = ExchangeGateFixture.Issuer,
            ["sub"] = subject,
            ["aud"] = ExchangeGateFixture.Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 600,
            ["sid"] = $"idp-session-{Guid.NewGuid():N}",
        };
        if (email is not null)
        {
            claims["email"] = email;
        }

        var accessToken = idpKey.Sign(claims, typ: "at+jwt");
        using var request = new HttpRequestMessage(HttpMethod.Post, RtaExchangeNames.TokenEndpointPath.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [RtaExchangeNames.Parameters.GrantType] = RtaExchangeNames.GrantType,
                [RtaExchangeNames.Parameters.SubjectToken] = accessToken,
                [RtaExchangeNames.Parameters.SubjectTokenType] = RtaExchangeNames.AccessTokenType,
                [RtaExchangeNames.Parameters.Nonce] = Guid.NewGuid().ToString("N"),
                [RtaExchangeNames.Parameters.AgentId] = $"copilot-{Guid.NewGuid():N}",
                [RtaExchangeNames.Parameters.AgentKind] = "copilot",
                [RtaExchangeNames.Parameters.Scope] = "records:read",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"copilot:{server.CopilotSecret}")));
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var endpoint = new Uri(server.Http.BaseAddress!, RtaExchangeNames.TokenEndpointPath.TrimStart('/'));
        request.Headers.Add(RtaBindingNames.ProofHeader, new DpopProofWriter(key, TimeProvider.System).Write(HttpMethod.Post.Method, endpoint.AbsoluteUri));
        using var response = await server.Http.SendAsync(request).WaitAsync(SsfServer.Timeout);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var session = response.IsSuccessStatusCode ? body.GetProperty("session_id").GetString() : null;
        return (response.StatusCode, session, body);
    }
}
