using RealTimeAuth.Policies;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Decisions;

/// <summary>The live channel's Authorize with a policy active: scope and policy must both allow.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PolicyDeciderLiveTests(InfrastructureFixture infrastructure)
{
    private const string ChainPolicy = """
        {
          "schema": "rta.policy/v1",
          "rules": [
            { "id": "allow-all", "effect": "allow", "actions": ["*"], "resources": [{ "type": "*" }] },
            { "id": "no-sub-agent-writes", "effect": "deny", "actions": ["write"], "resources": [{ "type": "docs" }],
              "condition": "size(context.chain) > 1" }
          ]
        }
        """;

    [Fact]
    public async Task Authorize_ScopeAllowsButPolicyDenies_DeniesWithPolicyReasonAndVersion()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "pdp_live_deny");
        var agent = await server.CreateSessionAsync(["todo:*"]);

        var read = await AuthorizeAsync(server, agent, "todo", "can_read_todos");
        var delete = await AuthorizeAsync(server, agent, "todo", "can_delete_todo");
        var unscoped = await AuthorizeAsync(server, agent, "user", "can_read_user");

        Assert.True(read.Decision);
        Assert.Equal(DecisionReasons.Allowed, read.Reason);
        Assert.Equal("1", read.PolicyVersion);
        Assert.False(delete.Decision);
        Assert.Equal(PolicyReasons.NoMatchingRule, delete.Reason);
        Assert.Equal(read.PolicyVersion, delete.PolicyVersion);
        Assert.False(unscoped.Decision);
        Assert.Equal(DecisionReasons.ScopeMissing, unscoped.Reason);
        Assert.Equal(read.PolicyVersion, unscoped.PolicyVersion);
    }

    [Fact]
    public async Task Authorize_DelegatedSession_PolicySeesChainFromRoot()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rta-chain-{Guid.NewGuid():N}.policy.json");
        await File.WriteAllTextAsync(file, ChainPolicy);
        try
        {
            await using var server = await LiveServer.StartAsync(infrastructure, "pdp_live_chain", AuthZenServer.Settings(file));
            var root = await server.CreateSessionAsync(["docs:*"]);
            var child = await server.CreateSessionAsync(["docs:*"], root.Session.Id);

            var rootWrite = await AuthorizeAsync(server, root, "docs", "write");
            var childWrite = await AuthorizeAsync(server, child, "docs", "write");
            var childRead = await AuthorizeAsync(server, child, "docs", "read");

            Assert.True(rootWrite.Decision);
            Assert.False(childWrite.Decision);
            Assert.Equal(PolicyReasons.DeniedByRule, childWrite.Reason);
            Assert.True(childRead.Decision);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Authorize_WithoutPolicyFile_StaysScopeOnly()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "pdp_live_scope_only");
        var agent = await server.CreateSessionAsync(["todo:*"]);

        var delete = await AuthorizeAsync(server, agent, "todo", "can_delete_todo");

        Assert.True(delete.Decision);
        Assert.Equal(string.Empty, delete.PolicyVersion);
        Assert.Null(server.Service<ActivePolicy>().Current);
    }

    private static async Task<AuthorizeResponse> AuthorizeAsync(LiveServer server, TestAgentSession agent, string resourceType, string action) =>
        await server.Client.AuthorizeAsync(LiveAuthorizeTests.Request(resourceType, action), agent.GrpcHeaders(server.AuthorizeRpcUri),
            deadline: DateTime.UtcNow + LiveServer.Timeout);
}
