using System.Buffers.Text;
using System.Net;
using System.Text;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class ExchangeTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAsync_ExchangeSucceeds_ClientHasTokenSessionAndScopes()
    {
        await using var client = await ConnectAsync("mail:read", "mail:send");

        Assert.Equal("session-1", client.SessionId);
        Assert.Null(client.ParentSessionId);
        Assert.Equal(171, client.CurrentToken.Length);
        Assert.Equal(["mail:read", "mail:send"], client.Scopes);
        Assert.Equal("mail-triage-7", client.Agent.Id);
    }

    [Fact]
    public async Task ConnectAsync_UserToken_SendsRfc8693FormWithAgentIdentity()
    {
        await using var client = await ConnectAsync("mail:read", "mail:send");

        var request = Assert.Single(Server.Tokens.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(RtaExchangeNames.GrantType, request["grant_type"]);
        Assert.Equal("idp-access-token", request["subject_token"]);
        Assert.Equal(RtaExchangeNames.AccessTokenType, request["subject_token_type"]);
        Assert.Equal("mail:read mail:send", request["scope"]);
        Assert.Equal("mail-triage-7", request["agent_id"]);
        Assert.Equal("Mail triage", request["agent_name"]);
        Assert.Equal("agent", request["agent_kind"]);
        Assert.Equal("tests/1.0", request["agent_software"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
    }

    [Fact]
    public async Task ConnectAsync_TwoExchanges_EachSendsFresh128BitNonce()
    {
        await ConnectAsync("mail:read");
        await ConnectAsync("mail:read");

        var nonces = Server.Tokens.Requests.Select(request => request["nonce"]).ToArray();
        Assert.Equal(2, nonces.Distinct().Count());
        Assert.All(nonces, nonce => Assert.Equal(16, Base64Url.DecodeFromChars(nonce).Length));
    }

    [Fact]
    public async Task ConnectAsync_ClientSecretSet_SendsBasicWithFormEncodedIdAndSecret()
    {
        await ConnectAsync("mail:read");

        var authorization = Assert.Single(Server.Tokens.Requests).Authorization;
        Assert.NotNull(authorization);
        Assert.StartsWith("Basic ", authorization, StringComparison.Ordinal);
        var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));

        // RFC 6749 §2.3.1 and Appendix B: ':' in the id, space, '/', '+' and non-ASCII are form-urlencoded before base64.
        Assert.Equal("agent%3Amail+triage:s3cret%2F%2B%C3%BC", credentials);
    }

    [Fact]
    public async Task ConnectAsync_ServerAnswersInvalidGrant_ThrowsRtaExchangeExceptionWithErrorCode()
    {
        Server.Tokens.Failure = (400, "invalid_grant", "token-inactive: The subject token is not active.");

        var exception = await Assert.ThrowsAsync<RtaExchangeException>(() => ConnectAsync("mail:read"));

        Assert.Equal("invalid_grant", exception.Error);
        Assert.Equal("token-inactive: The subject token is not active.", exception.ErrorDescription);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task ConnectAsync_ServerAnswersInvalidClient_ThrowsRtaExchangeExceptionWith401()
    {
        Server.Tokens.Failure = (401, "invalid_client", "client-authentication-failed: Client authentication failed.");

        var exception = await Assert.ThrowsAsync<RtaExchangeException>(() => ConnectAsync("mail:read"));

        Assert.Equal("invalid_client", exception.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(0, Server.Live.ConnectAttempts);
    }

    [Fact]
    public async Task CreateChildAsync_ParentConnected_ExchangesParentTokenAsRtaSubjectToken()
    {
        var parent = await ConnectAsync("mail:read", "mail:send");
        var agent = new RtaAgentIdentity { Id = "summarizer-1", Name = "Summarizer", Kind = "sub-agent", Software = "tests/1.0" };

        var child = Track(await parent.CreateChildAsync(agent, ["mail:read"]).WaitAsync(TestTimeouts.Default));

        var request = Server.Tokens.Requests[^1];
        Assert.Equal(parent.CurrentToken, request["subject_token"]);
        Assert.Equal(RtaExchangeNames.RtaTokenType, request["subject_token_type"]);
        Assert.Equal("summarizer-1", request["agent_id"]);
        Assert.Equal("sub-agent", request["agent_kind"]);
        Assert.Equal("mail:read", request["scope"]);
        Assert.Equal(parent.SessionId, child.ParentSessionId);
        Assert.NotEqual(parent.SessionId, child.SessionId);
        await child.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public async Task CreateChildAsync_ParentRevoked_ThrowsWithoutExchange()
    {
        var parent = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        stream.PushRevocation(1, RtaRevocationReasons.SessionRevoked, 7, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await parent.WaitForStateAsync(RtaConnectionState.Revoked);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => parent.CreateChildAsync(new RtaAgentIdentity { Id = "late-agent" }, ["mail:read"]));

        Assert.Single(Server.Tokens.Requests);
    }
}
