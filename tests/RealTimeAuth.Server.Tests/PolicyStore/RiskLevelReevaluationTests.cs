using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.PolicyStore;

/// <summary>
/// A CAEP context change (as the risk-level, device and assurance effects apply it) reaches the PDP subject and
/// re-evaluates the session's permissions: writes that need low risk flip to deny, and a session left with no
/// permission is revoked.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RiskLevelReevaluationTests(InfrastructureFixture infrastructure)
{
    private const string RiskPolicy = """
        {
          "schema": "rta.policy/v1",
          "rules": [
            { "id": "read", "effect": "allow", "actions": ["read"], "resources": [{ "type": "records" }],
              "condition": "!has(subject.risk_level) || subject.risk_level != 'high'" },
            { "id": "write-low-risk", "effect": "allow", "actions": ["write"], "resources": [{ "type": "records" }],
              "condition": "subject.risk_level == 'low' && (!has(subject.device_compliant) || subject.device_compliant) && subject.assurance_level >= 2" }
          ]
        }
        """;

    [Fact]
    public async Task RiskLevelChange_RuleRequiresLowRisk_WriteFlipsToDenyAndPermissionsNarrow()
    {
        var file = await WritePolicyAsync();
        try
        {
            await using var server = await LiveServer.StartAsync(infrastructure, "policy_risk_flip", AuthZenServer.Settings(file));
            var session = await CreateSessionAsync(server, "low", ["records:*"]);
            Assert.Equal(["records:read", "records:write"], SessionPermissions.Stored(session.Context));
            Assert.True((await DecideAsync(server, session.Id, "write")).Allowed);

            var changed = await UpdateContextAsync(server, session, context => context.With(SubjectAttributes.RiskLevel, "medium"));

            Assert.Equal([session.Id], changed);
            var after = server.Service<SessionCache>().Find(session.Id)!;
            Assert.True(after.IsActive);
            Assert.Equal(["records:read"], SessionPermissions.Stored(after.Context));
            Assert.NotEqual(session.ContextHash, after.ContextHash);
            var write = await DecideAsync(server, session.Id, "write");
            Assert.False(write.Allowed);
            Assert.Equal("1", write.PolicyVersion);
            Assert.True((await DecideAsync(server, session.Id, "read")).Allowed);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task DeviceNonCompliant_WriteDenied_AndHighRisk_LeavesNothingAndRevokes()
    {
        var file = await WritePolicyAsync();
        try
        {
            await using var server = await LiveServer.StartAsync(infrastructure, "policy_risk_revoke", AuthZenServer.Settings(file));
            var session = await CreateSessionAsync(server, "low", ["records:read", "records:write"]);

            await UpdateContextAsync(server, session, context => context.With(SubjectAttributes.DeviceCompliant, false));
            Assert.False((await DecideAsync(server, session.Id, "write")).Allowed);

            await UpdateContextAsync(server, session, context => context.With(SubjectAttributes.RiskLevel, "high"));
            var revoked = server.Service<SessionCache>().Find(session.Id)!;
            Assert.False(revoked.IsActive);
            Assert.Equal(RtaRevocationReasons.PolicyRevoked, revoked.RevocationReason);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Reconciliation_SessionWithStalePermissions_GetsWhatTheActivePolicyGrants_ThenNothingChanges()
    {
        var file = await WritePolicyAsync();
        try
        {
            await using var server = await LiveServer.StartAsync(infrastructure, "policy_reconcile", AuthZenServer.Settings(file));
            var session = await CreateSessionAsync(server, "low", ["records:read", "records:write"]);
            await using (var scope = server.Factory.Services.CreateAsyncScope())
            {
                // As if created under an older version while the publish of the active one was committing.
                await scope.ServiceProvider.GetRequiredService<SessionContextUpdates>().UpdateContextsAsync(
                    [session.Id], (_, context) => SessionPermissions.With(context, ["records:read"]), "test", "test", CancellationToken.None)
                    .WaitAsync(LiveServer.Timeout);
            }

            var stale = server.Service<SessionCache>().Find(session.Id)!;

            var reconciliation = server.Service<PolicyReconciliation>();
            var first = await reconciliation.RunOnceAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout);
            var second = await reconciliation.RunOnceAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout);

            Assert.Equal(1, first!.SessionsRefreshed);
            var reconciled = server.Service<SessionCache>().Find(session.Id)!;
            Assert.Equal(["records:read", "records:write"], SessionPermissions.Stored(reconciled.Context));
            Assert.NotEqual(stale.ContextHash, reconciled.ContextHash); // So its stream gets a fresh token.
            Assert.Equal(new ReevaluationResult(1, 0, 0), second);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> WritePolicyAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rta-risk-{Guid.NewGuid():N}.policy.json");
        await File.WriteAllTextAsync(file, RiskPolicy);
        return file;
    }

    private static async Task<SessionState> CreateSessionAsync(LiveServer server, string risk, string[] scopes)
    {
        // The server starts before its policy file is imported and active; a session made in between has no permissions.
        Assert.True(await LiveServer.EventuallyAsync(() => server.Service<ActivePolicy>().Current is not null));
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SessionCreator>().CreateAsync(
            new NewSessionRequest
            {
                Issuer = "https://idp.test",
                Subject = "alice",
                ClientId = "agent",
                Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Writer", "data-writer", "tests"),
                KeyThumbprint = RealTimeAuth.Protocol.Binding.JwkThumbprint.Compute(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                RequestedScopes = scopes,
                UserContext = SecurityContext.Empty
                    .With("user.sub", "alice")
                    .With(SubjectAttributes.RiskLevel, risk)
                    .With(SubjectAttributes.AssuranceLevel, "nist-aal2"),
            },
            "test",
            CancellationToken.None).WaitAsync(LiveServer.Timeout);
        Assert.True(result.Succeeded, $"Session not created: {result.Error}");
        return result.Session!;
    }

    private static async Task<IReadOnlyList<Guid>> UpdateContextAsync(LiveServer server, SessionState session, Func<SecurityContext, SecurityContext> change)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionContextUpdates>()
            .UpdateSubjectContextAsync(session.Issuer, session.Subject, change, "risk-level-change", "test", CancellationToken.None)
            .WaitAsync(LiveServer.Timeout);
    }

    private static async Task<AuthorizationDecision> DecideAsync(LiveServer server, Guid sessionId, string action) =>
        await server.Service<SessionAuthorizer>().AuthorizeAsync(
            server.Service<SessionCache>().Find(sessionId)!,
            new AuthorizationQuery { Action = action, ResourceType = "records", ResourceId = "rec-1" },
            CancellationToken.None);
}
