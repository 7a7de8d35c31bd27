using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Live;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveAuthorizeTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read", "reports:*"];

    [Fact]
    public async Task Authorize_ActionsWithinGrantedScopes_Allows()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_allow");
        var agent = await server.CreateSessionAsync(Scopes);

        var exact = await AuthorizeAsync(server, agent, Read("documents"));
        var wildcard = await AuthorizeAsync(server, agent, Request("reports", "delete"));

        Assert.True(exact.Decision);
        Assert.Equal(DecisionReasons.Allowed, exact.Reason);
        Assert.Equal(string.Empty, exact.PolicyVersion);
        Assert.True(wildcard.Decision);
    }

    [Fact]
    public async Task Authorize_ActionOutsideGrantedScopes_DeniesScopeMissing()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_deny");
        var agent = await server.CreateSessionAsync(Scopes);

        var write = await AuthorizeAsync(server, agent, Request("documents", "write"));
        var otherType = await AuthorizeAsync(server, agent, Read("payroll"));

        Assert.False(write.Decision);
        Assert.Equal(DecisionReasons.ScopeMissing, write.Reason);
        Assert.False(otherType.Decision);
        Assert.Equal(DecisionReasons.ScopeMissing, otherType.Reason);
    }

    [Fact]
    public async Task Authorize_WithForgedToken_IsUnauthenticatedBadSignature()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_forged");
        var (_, token) = await server.CreateSessionAsync(Scopes);

        var refusal = await RefusalAsync(server, LiveStreams.Authorization(TestTokens.Forge(token)));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("token-bad-signature", LiveStreams.Reason(refusal));
        Assert.Equal("token-bad-signature", refusal.Status.Detail);
    }

    [Fact]
    public async Task Authorize_WithRevokedSessionToken_IsUnauthenticatedSessionRevoked()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_revoked");
        var (session, token) = await server.CreateSessionAsync(Scopes);
        await server.RevokeAsync(session.Id);

        var refusal = await RefusalAsync(server, LiveStreams.Authorization(token));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Authorize_WithoutOrWithGarbledToken_IsUnauthenticatedWithDistinctReasons()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_garbled");

        var missing = await RefusalAsync(server, []);
        var garbled = await RefusalAsync(server, new Metadata { { "authorization", "RTA not-a-token" } });

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal("token-missing", LiveStreams.Reason(missing));
        Assert.Equal(StatusCode.Unauthenticated, garbled.StatusCode);
        Assert.Equal("token-malformed", LiveStreams.Reason(garbled));
    }

    [Fact]
    public async Task Authorize_NamingAnotherSession_IsUnauthenticatedWrongSession()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_wrong_session");
        var (mine, _) = await server.CreateSessionAsync(Scopes);
        var (_, otherToken) = await server.CreateSessionAsync(Scopes);
        var headers = LiveStreams.Authorization(otherToken);
        headers.Add(LiveChannelService.SessionIdKey, mine.Id.ToString());

        var refusal = await RefusalAsync(server, headers);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("token-wrong-session", LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Authorize_WithoutAction_IsInvalidArgument()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "authz_invalid");
        var agent = await server.CreateSessionAsync(Scopes);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(server, agent, Request("documents", "")));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
    }

    internal static AuthorizeRequest Read(string resourceType) => Request(resourceType, "read");

    internal static AuthorizeRequest Request(string resourceType, string action) =>
        new() { Action = action, Resource = new Resource { Type = resourceType, Id = "42" } };

    private static async Task<AuthorizeResponse> AuthorizeAsync(LiveServer server, TestAgentSession agent, AuthorizeRequest request) =>
        await server.Client.AuthorizeAsync(request, agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout);

    private static Task<RpcException> RefusalAsync(LiveServer server, Metadata headers) =>
        Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.AuthorizeAsync(Read("documents"), headers, deadline: DateTime.UtcNow + LiveServer.Timeout));
}
