using System.Net;
using Npgsql;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>Policy versions through the admin API on real Kestrel, PostgreSQL and Redis, with the dev IdP's admin tokens.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PolicyPublicationTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    private const string AuditorEmail = "auditor@realtimeauth.dev";

    [Fact]
    public async Task PublishThenRollback_ActiveVersionSwitches_AndEveryPublishIsInTheEventLog()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_publish");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);

        var v1 = await PolicyAdminCalls.CreateDraftVersionAsync(server, admin, TestPolicies.ReadWrite, timeout.Token);
        var v2 = await PolicyAdminCalls.CreateDraftVersionAsync(server, admin, TestPolicies.NoWriterWrites, timeout.Token);
        Assert.Null(server.Service<ActivePolicy>().Current);

        var first = await PolicyAdminCalls.PublishVersionAsync(server, admin, v1, "first rollout", timeout.Token);
        await PolicyAdminCalls.PublishVersionAsync(server, admin, v2, "tighten writers", timeout.Token);
        Assert.Equal(v2.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Service<ActivePolicy>().Current?.Version);
        await PolicyAdminCalls.PublishVersionAsync(server, admin, v1, "rollback: writers blocked", timeout.Token);

        Assert.Equal(v1, first.GetProperty("version").GetInt32());
        Assert.Equal(v1.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Service<ActivePolicy>().Current?.Version);
        var (status, list) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/policies", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(v1, list.GetProperty("activeVersion").GetInt32());
        var versions = list.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([v2, v1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("superseded", versions[0].GetProperty("status").GetString());
        Assert.Equal("active", versions[1].GetProperty("status").GetString());
        Assert.Equal("rollback: writers blocked", versions[1].GetProperty("publishReason").GetString());
        Assert.Equal($"admin:{DemoAccounts.AdminEmail}", versions[1].GetProperty("publishedBy").GetString());
        Assert.False(versions[0].TryGetProperty("description", out _), "Null members are omitted.");

        var published = await PublishedEntriesAsync(cluster, timeout.Token);
        Assert.Equal(
            [(v1, "first rollout"), (v2, "tighten writers"), (v1, "rollback: writers blocked")],
            published.Select(entry => (entry.Version, entry.Reason)));
        Assert.All(published, entry => Assert.Equal($"admin:{DemoAccounts.AdminEmail}", entry.Actor));

        var (_, detail) = await PolicyAdminCalls.GetAsync(server, admin, $"admin/v1/policies/{v2}", timeout.Token);
        Assert.Equal("no-writer-writes", detail.GetProperty("document").GetProperty("name").GetString());
        var (exportStatus, export) = await PolicyAdminCalls.GetAsync(server, admin, $"admin/v1/policies/{v2}/export", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, exportStatus);
        Assert.Equal(3, export.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task CreateDraft_InvalidCondition_400WithRuleAndPosition_AndNothingStored()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_invalid");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);

        var (status, problem) = await PolicyAdminCalls.CreateDraftAsync(server, admin, TestPolicies.InvalidCondition, "typo", timeout.Token);
        var (validateStatus, validation) = await PolicyAdminCalls.SendAsync(
            server, admin, HttpMethod.Post, "admin/v1/policies/validate", TestPolicies.InvalidCondition, timeout.Token);
        var (publishStatus, _) = await PolicyAdminCalls.PublishAsync(server, admin, 1, "no such version", timeout.Token);
        var (_, list) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/policies", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var diagnostic = Assert.Single(problem.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("typo-rule", diagnostic.GetProperty("ruleId").GetString());
        Assert.Equal("rules[0].condition", diagnostic.GetProperty("field").GetString());
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(12, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal(HttpStatusCode.OK, validateStatus);
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal("typo-rule", validation.GetProperty("diagnostics")[0].GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, publishStatus);
        Assert.Empty(list.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Roles_AuditorReadsButCannotPublish_AnonymousIsUnauthorized_ReasonRequired()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_roles");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);
        var auditor = await idp.AdminAccessTokenAsync(timeout.Token, AuditorEmail);
        var version = await PolicyAdminCalls.CreateDraftVersionAsync(server, admin, TestPolicies.ReadWrite, timeout.Token);

        var (auditorList, _) = await PolicyAdminCalls.GetAsync(server, auditor, "admin/v1/policies", timeout.Token);
        var (auditorAudit, _) = await PolicyAdminCalls.GetAsync(server, auditor, "admin/v1/audit/decisions", timeout.Token);
        var (auditorPublish, _) = await PolicyAdminCalls.PublishAsync(server, auditor, version, "not allowed", timeout.Token);
        var (auditorCreate, _) = await PolicyAdminCalls.CreateDraftAsync(server, auditor, TestPolicies.ReadWrite, "not allowed", timeout.Token);
        var (anonymousList, _) = await PolicyAdminCalls.GetAsync(server, null, "admin/v1/policies", timeout.Token);
        var (anonymousPublish, _) = await PolicyAdminCalls.PublishAsync(server, null, version, "not allowed", timeout.Token);
        var (noReason, reasonProblem) = await PolicyAdminCalls.PublishAsync(server, admin, version, " ", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, auditorList);
        Assert.Equal(HttpStatusCode.OK, auditorAudit);
        Assert.Equal(HttpStatusCode.Forbidden, auditorPublish);
        Assert.Equal(HttpStatusCode.Forbidden, auditorCreate);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPublish);
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.True(reasonProblem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Null(server.Service<ActivePolicy>().Current);
    }

    [Fact]
    public async Task PublishOnReplicaA_BecomesActiveOnReplicaB_AndDecidesThere()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_replicas");
        var replicaA = await cluster.StartReplicaAsync();
        var replicaB = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);

        var version = await PolicyAdminCalls.PublishNewAsync(replicaA, admin, TestPolicies.TodosOnly, "replication", timeout.Token);

        var expected = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(
            await Eventually.UntilAsync(() => replicaB.Service<ActivePolicy>().Current?.Version == expected, TestTimeouts.Test, timeout.Token),
            $"Replica B did not activate version {expected}.");

        Assert.Equal(["todos-rw"], replicaB.Service<ActivePolicy>().Current!.PolicySet.RuleIds.ToArray());

        // A replica started later loads the active version with its snapshot.
        var replicaC = await cluster.StartReplicaAsync();
        Assert.Equal(expected, replicaC.Service<ActivePolicy>().Current?.Version);
    }

    private static async Task<List<(int Version, string Reason, string Actor)>> PublishedEntriesAsync(ServerCluster cluster, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (payload->>'version')::int, payload->>'reason', actor FROM event_log WHERE type = 'policy.published' ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<(int, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return entries;
    }
}
