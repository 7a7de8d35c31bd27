using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// The SSE stream and the HTTP authorize need a proof of the session's key on every request (RFC 9449): a copied
/// token, alone or with a used or bent proof, is refused with a DPoP challenge and its reason, and the agent goes on.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BoundHttpTests(InfrastructureFixture infrastructure)
{
    private const string InvalidProofChallenge = "DPoP error=\"invalid_dpop_proof\", algs=\"EdDSA\"";
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Events_CopiedTokenWithoutProof_Is401InvalidDpopProofAndTheAgentsSseStreamGoesOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_copied");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        using var own = await LiveHttp.OpenEventsAsync(server, client, agent);
        using var events = new SseReader(await own.Content.ReadAsStreamAsync());
        await events.NextOfTypeAsync(LiveEventJson.HeartbeatEvent);

        using var copied = await LiveHttp.OpenEventsAsync(server, client, agent, proof: LiveHttp.NoProof);

        Assert.Equal(HttpStatusCode.Unauthorized, copied.StatusCode);
        Assert.Equal(InvalidProofChallenge, copied.Headers.WwwAuthenticate.ToString());
        Assert.Equal(DpopRejectionReasons.ProofMissing, await ReasonAsync(copied));
        await server.RevokeAsync(agent.Session.Id);
        var revocation = await events.NextOfTypeAsync(LiveEventJson.RevocationEvent);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, revocation.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Events_WithProofForAnotherMethodOrByAnotherKey_Is401WithEachReason()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_bent");
        var agent = await server.CreateSessionAsync(Scopes);
        var attacker = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        var events = server.Uri(LiveApi.EventsPath);

        using var wrongMethod = await LiveHttp.OpenEventsAsync(server, client, agent, proof: agent.Proof("POST", events));
        using var wrongKey = await LiveHttp.OpenEventsAsync(server, client, agent, proof: attacker.Proof("GET", events, agent.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongMethod.StatusCode);
        Assert.Equal(DpopRejectionReasons.WrongMethod, await ReasonAsync(wrongMethod));
        Assert.Equal(DpopRejectionReasons.WrongKey, await ReasonAsync(wrongKey));
        Assert.Empty(server.Service<StreamHub>().ConnectionsOf(agent.Session.Id));
    }

    [Fact]
    public async Task Events_ForNamedSessionWithProof_Streams_AndForAnUnboundSessionIsSessionUnbound()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_named");
        var agent = await server.CreateSessionAsync(Scopes);
        var unbound = await server.CreateSessionAsync(Scopes, bound: false);
        using var client = server.CreateHttpClient();

        using var named = await LiveHttp.OpenEventsAsync(server, client, agent, $"/live/v1/sessions/{agent.Session.Id}/events");
        using var refused = await LiveHttp.OpenEventsAsync(server, client, unbound);

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(RtaBindingReasons.SessionUnbound, await ReasonAsync(refused));
    }

    [Fact]
    public async Task Authorize_CopiedTokenWithoutProof_Is401AndTheAgentsGrpcStreamGoesOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_copied");
        var agent = await server.CreateSessionAsync(Scopes);
        using var own = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextOfKindAsync(own, Kind.Heartbeat);
        using var client = server.CreateHttpClient();

        using var copied = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: LiveHttp.NoProof);
        using var genuine = await LiveHttp.PostAuthorizeAsync(server, client, agent);

        Assert.Equal(HttpStatusCode.Unauthorized, copied.StatusCode);
        Assert.Equal(InvalidProofChallenge, copied.Headers.WwwAuthenticate.ToString());
        Assert.Equal(DpopRejectionReasons.ProofMissing, await ReasonAsync(copied));
        Assert.False(copied.Headers.Contains(RtaBindingNames.NonceHeader));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        await server.ChangeContextAsync(agent.Session.Id, "risk", "high");
        Assert.Equal(RtaRefreshReasons.ContextChanged, (await LiveStreams.NextOfKindAsync(own, Kind.TokenRefresh)).TokenRefresh.Reason);
    }

    [Fact]
    public async Task Authorize_WithAUsedProof_Is401ReplayedProof()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_replayed");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        var proof = agent.Proof("POST", server.Uri(LiveApi.AuthorizePath));

        using var first = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: proof);
        using var replayed = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: proof);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(RtaBindingReasons.ReplayedProof, await ReasonAsync(replayed));
    }

    [Fact]
    public async Task Authorize_WithAStaleOrBentProof_Is401WithEachReason()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "json_bent", configure: clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        var attacker = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        var authorize = server.Uri(LiveApi.AuthorizePath);
        var old = agent.Proof("POST", authorize);

        using var wrongKey = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: attacker.Proof("POST", authorize, agent.Token));
        using var wrongAth = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: agent.Proof("POST", authorize, attacker.Token));
        using var wrongUri = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: agent.Proof("POST", server.Uri($"/live/v1/sessions/{agent.Session.Id}/authorize")));
        using var wrongMethod = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: agent.Proof("GET", authorize));
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(61));
        using var stale = await LiveHttp.PostAuthorizeAsync(server, client, agent, proof: old);

        Assert.Equal(DpopRejectionReasons.WrongKey, await ReasonAsync(wrongKey));
        Assert.Equal(DpopRejectionReasons.WrongAth, await ReasonAsync(wrongAth));
        Assert.Equal(DpopRejectionReasons.WrongUri, await ReasonAsync(wrongUri));
        Assert.Equal(DpopRejectionReasons.WrongMethod, await ReasonAsync(wrongMethod));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(DpopRejectionReasons.StaleProof, await ReasonAsync(stale));
    }

    [Fact]
    public async Task Authorize_ForAnUnboundSession_Is401SessionUnbound()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_unbound");
        var unbound = await server.CreateSessionAsync(Scopes, bound: false);
        using var client = server.CreateHttpClient();

        using var refused = await LiveHttp.PostAuthorizeAsync(server, client, unbound);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(RtaBindingReasons.SessionUnbound, await ReasonAsync(refused));
    }

    [Fact]
    public async Task Authorize_WhenNoncesAreRequired_AsksForOneThenAcceptsItAndThePreviousSlots()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(
            infrastructure, "json_nonce", new Dictionary<string, string> { ["Binding:RequireNonce"] = "true", ["Binding:NonceLifetime"] = "00:00:10" }, clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var first = await LiveHttp.PostAuthorizeAsync(server, client, agent);
        var nonce = Assert.Single(first.Headers.GetValues(RtaBindingNames.NonceHeader));
        using var withNonce = await LiveHttp.PostAuthorizeAsync(server, client, agent, nonce: nonce);
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(10));
        using var previousSlot = await LiveHttp.PostAuthorizeAsync(server, client, agent, nonce: nonce);
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(10));
        using var tooOld = await LiveHttp.PostAuthorizeAsync(server, client, agent, nonce: nonce);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("DPoP error=\"use_dpop_nonce\", algs=\"EdDSA\"", first.Headers.WwwAuthenticate.ToString());
        Assert.Equal(DpopRejectionReasons.NonceRequired, await ReasonAsync(first));
        Assert.Equal(HttpStatusCode.OK, withNonce.StatusCode);
        Assert.True(withNonce.Headers.Contains(RtaBindingNames.NonceHeader));
        Assert.Equal(HttpStatusCode.OK, previousSlot.StatusCode);
        Assert.NotEqual(nonce, Assert.Single(previousSlot.Headers.GetValues(RtaBindingNames.NonceHeader)));
        Assert.Equal(HttpStatusCode.Unauthorized, tooOld.StatusCode);
        Assert.Equal(DpopRejectionReasons.WrongNonce, await ReasonAsync(tooOld));
        Assert.Equal("DPoP error=\"use_dpop_nonce\", algs=\"EdDSA\"", tooOld.Headers.WwwAuthenticate.ToString());
    }

    internal static async Task<string?> ReasonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(LiveServer.Timeout)).GetProperty("reason").GetString();
}
