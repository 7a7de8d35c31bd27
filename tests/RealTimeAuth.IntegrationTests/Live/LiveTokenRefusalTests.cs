using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Live;

/// <summary>
/// Each reason the live channel refuses a token, over gRPC (<c>Unauthenticated</c> with the reason in the
/// <c>rta-reason</c> trailer) and JSON (401 problem with <c>reason</c>), on a server hosted exactly as in
/// production: tokens come from real exchanges of dev IdP tokens.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveTokenRefusalTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared)
    : IClassFixture<SharedCluster>
{
    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_ValidToken_AllowsExactlyTheActionsOfItsScopes(LiveTransport transport)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);

        var read = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "records", timeout.Token, session.Key);
        var write = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "write", "records", timeout.Token, session.Key);
        var otherType = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "todos", timeout.Token, session.Key);

        Assert.True(read is { Refused: false, Allowed: true, Reason: "allowed" }, read.ToString());
        Assert.True(write is { Refused: false, Allowed: false, Reason: "scope-missing" }, write.ToString());
        Assert.True(otherType is { Refused: false, Allowed: false, Reason: "scope-missing" }, otherType.ToString());
    }

    [Theory]
    [InlineData(LiveTransport.Grpc, RtaTokenLayout.SignatureOffset + 10, "token-bad-signature")]
    [InlineData(LiveTransport.Json, RtaTokenLayout.SignatureOffset + 10, "token-bad-signature")]
    [InlineData(LiveTransport.Grpc, RtaTokenLayout.SessionIdOffset + 3, "token-bad-signature")]
    [InlineData(LiveTransport.Json, RtaTokenLayout.SessionIdOffset + 3, "token-bad-signature")]
    [InlineData(LiveTransport.Grpc, RtaTokenLayout.ContextHashOffset, "token-bad-signature")]
    [InlineData(LiveTransport.Json, RtaTokenLayout.ContextHashOffset, "token-bad-signature")]
    [InlineData(LiveTransport.Grpc, RtaTokenLayout.SequenceOffset + 3, "token-bad-signature")]
    [InlineData(LiveTransport.Json, RtaTokenLayout.KeyIdOffset + 1, "token-unknown-key")]
    [InlineData(LiveTransport.Grpc, RtaTokenLayout.VersionOffset, "token-unknown-version")]
    public async Task Authorize_ForgedToken_IsRefusedWithItsReason(LiveTransport transport, int flippedByte, string reason)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);

        var answer = await LiveCalls.AuthorizeAsync(server, transport, RtaTokens.Forge(session.AccessToken!, flippedByte), "read", "records", timeout.Token);

        AssertRefused(answer, transport, reason);
    }

    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_TruncatedToken_IsRefusedAsMalformed(LiveTransport transport)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);

        var answer = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken![..170], "read", "records", timeout.Token);

        AssertRefused(answer, transport, "token-malformed");
    }

    [Fact]
    public async Task OpenStream_ForgedToken_IsRefusedOnGrpcAndServerSentEvents()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        var forged = RtaTokens.Forge(session.AccessToken!);

        var (first, grpcRefusal) = await LiveCalls.OpenStreamAsync(server, forged, timeout.Token);
        var sseRefusal = await LiveCalls.OpenEventsAsync(server, forged, timeout.Token);
        var (genuineFirst, genuineRefusal) = await LiveCalls.OpenStreamAsync(server, session.AccessToken!, timeout.Token, session.Key);

        Assert.Null(first);
        AssertRefused(grpcRefusal!, LiveTransport.Grpc, "token-bad-signature");
        AssertRefused(sseRefusal!, LiveTransport.Json, "token-bad-signature");
        Assert.Null(genuineRefusal);
        Assert.Equal(ServerMessage.KindOneofCase.Heartbeat, genuineFirst?.KindCase);
    }

    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_RevokedSessionToken_IsRefusedAsRevoked(LiveTransport transport)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        var before = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "records", timeout.Token, session.Key);
        await AdminApi.RevokeSessionAsync(server, await idp.AdminAccessTokenAsync(timeout.Token), session.SessionId!, "test", timeout.Token);

        var after = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "records", timeout.Token, session.Key);

        Assert.True(before.Allowed, before.ToString());
        AssertRefused(after, transport, RtaRevocationReasons.SessionRevoked);
    }

    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_TokenWithOldContextHash_IsRefusedAsStale(LiveTransport transport)
    {
        // Changed in-process, as a CAEP event or a policy edit would through SessionContextUpdates.
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        var before = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "records", timeout.Token, session.Key);

        var changed = await ChangeUserContextAsync(server, Guid.Parse(session.SessionId!), timeout.Token);
        var after = await LiveCalls.AuthorizeAsync(server, transport, session.AccessToken!, "read", "records", timeout.Token, session.Key);

        Assert.True(before.Allowed, before.ToString());
        Assert.Contains(Guid.Parse(session.SessionId!), changed);
        AssertRefused(after, transport, "token-stale-context");
    }

    [Fact]
    public async Task ContextChange_ConnectedAgent_ReceivesFreshTokenThatIsAcceptedWhileTheOldIsStale()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var client = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        using var probe = new AgentProbe(client);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var oldToken = client.CurrentToken;

        await ChangeUserContextAsync(server, Guid.Parse(client.SessionId), timeout.Token);
        await probe.WaitForRefreshAsync(RtaRefreshReasons.ContextChanged, TestTimeouts.Push);

        Assert.NotEqual(oldToken, client.CurrentToken);
        Assert.True((await client.AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        AssertRefused(
            await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, oldToken, "read", "records", timeout.Token, Agents.SessionKeys.KeyOf(server, client.SessionId)), LiveTransport.Grpc, "token-stale-context");
        Assert.Equal(RtaConnectionState.Connected, client.State);
    }

    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_GenuinelySignedTokenForUnknownSession_IsRefusedAsUnknownSession(LiveTransport transport)
    {
        // Signed with the server's own active key (taken from its container) for a session id it never created.
        using var timeout = TestTimeouts.Start();
        var (_, server) = await StartAsync();
        var issuer = server.Service<RtaTokenIssuer>();
        var token = RtaTokenText.Encode(issuer.Issue(Guid.NewGuid(), 1, SecurityContext.Empty.ComputeHash()));

        var answer = await LiveCalls.AuthorizeAsync(server, transport, token, "read", "records", timeout.Token);

        AssertRefused(answer, transport, "session-unknown");
    }

    [Theory]
    [InlineData(LiveTransport.Grpc)]
    [InlineData(LiveTransport.Json)]
    public async Task Authorize_WithoutToken_IsRefusedAsMissing(LiveTransport transport)
    {
        using var timeout = TestTimeouts.Start();
        var (_, server) = await StartAsync();

        var answer = await LiveCalls.AuthorizeAsync(server, transport, token: null, "read", "records", timeout.Token);

        AssertRefused(answer, transport, "token-missing");
    }

    internal static void AssertRefused(LiveAnswer answer, LiveTransport transport, string reason)
    {
        var status = transport == LiveTransport.Grpc ? "Unauthenticated" : "401";
        Assert.True(answer.Refused && answer.Status == status && answer.Reason == reason, $"Expected refusal {status} {reason}, got {answer}.");
    }

    private static async Task<IReadOnlyList<Guid>> ChangeUserContextAsync(ServerHost server, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = server.Service<SessionCache>().Find(sessionId) ?? throw new InvalidOperationException($"Session {sessionId} is not in the cache.");
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionContextUpdates>().UpdateSubjectContextAsync(
            session.Issuer,
            session.Subject,
            context => context.With("risk_level", SecurityAttributeValue.FromString($"high-{Guid.NewGuid():N}")),
            "test-context-change",
            "integration-tests",
            cancellationToken);
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var cluster = await shared.GetAsync(infrastructure, idp, "refusal");
        return (cluster, cluster.Replicas[0]);
    }
}
