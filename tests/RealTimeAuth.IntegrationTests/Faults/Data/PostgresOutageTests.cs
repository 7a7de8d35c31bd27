using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Health;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Data;

/// <summary>
/// PostgreSQL, the source of truth, stops abruptly for about ten seconds under a running replica and comes back (ADR 0021).
/// The test owns its PostgreSQL cluster.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PostgresOutageTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private const string ApiKey = "fault-test-pep-key-0123456789";
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PostgresStopped_DecidesWithinStaleness_Refuses503_BuffersAudit_AndRecoversByItself()
    {
        using var timeout = TestTimeouts.Start();
        await using var postgres = await OwnedPostgres.StartAsync();
        await using var cluster = ServerCluster.Create(
            await postgres.CreateDatabaseAsync("fault_postgres"), infrastructure.RedisConnectionString, idp, new Dictionary<string, string?>
            {
                ["Replica:PollInterval"] = "00:00:00.200",
                ["Replica:MaxStaleness"] = MaxStaleness.ToString(),
                ["DecisionAudit:RetryInterval"] = "00:00:00.200",
                ["AuthZen:ApiKeys:0"] = ApiKey,
            });
        var server = await cluster.StartReplicaAsync();
        using var factory = Agents.CopilotFactory(cluster, server);
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
        await using var agent = await factory.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, timeout.Token);
        var key = Agents.SessionKeys.KeyOf(server, agent.SessionId);
        Assert.True((await LiveAsync(server, agent, key, timeout.Token)).Allowed);
        var before = await WaitForAuditRowsAsync(cluster, 1, timeout.Token);
        var recorder = server.Service<DecisionRecorder>();
        var currency = server.Service<IReplicaCurrency>();

        var killed = Stopwatch.GetTimestamp();
        await postgres.KillAsync();

        // Within the staleness bound the replica still decides from memory; each decision is queued for the audit.
        var decidedInOutage = 0;
        for (var index = 0; index < 3; index++)
        {
            var answer = await LiveAsync(server, agent, key, timeout.Token);
            Assert.True(answer is { Refused: false, Allowed: true }, $"Within the staleness bound: {answer}");
            decidedInOutage++;
        }

        await AuthZenAsync(server, timeout.Token);
        decidedInOutage++;

        // What needs the database answers 503 with Retry-After in its own error shape, never a 500.
        using (var http = server.CreateHttpClient())
        {
            var exchange = await ExchangeRequests.PostAsync(
                http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), timeout.Token);
            output.WriteLine($"Exchange with PostgreSQL down: {exchange}, Retry-After {exchange.RetryAfter}.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, exchange.Status);
            Assert.Equal("temporarily_unavailable", exchange.Error);
            Assert.NotNull(exchange.RetryAfter);
        }

        var (revokeStatus, revokeBody, revokeRetryAfter) = await OutageCalls.RevokeSessionAsync(server, adminToken, agent.SessionId, "during outage", timeout.Token);
        output.WriteLine($"Admin revoke with PostgreSQL down: {(int)revokeStatus} {revokeBody}.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, revokeStatus);
        Assert.Equal(DependencyOutageReasons.DatabaseUnavailable, revokeBody.GetProperty("reason").GetString());
        Assert.NotNull(revokeRetryAfter);
        Assert.Equal(HealthStatus.Unhealthy, await OutageCalls.HealthAsync(server, "postgresql", timeout.Token));

        // Past the bound every decision is refused with the stable reason, and /health says so.
        Assert.True(await Eventually.UntilAsync(() => !currency.IsCurrent, MaxStaleness * 3, timeout.Token), "The replica still counts itself current.");
        var notCurrentAfter = Stopwatch.GetElapsedTime(killed);
        var refused = await LiveAsync(server, agent, key, timeout.Token);
        Assert.True(refused is { Refused: true, Reason: "server-not-current" }, refused.ToString());
        Assert.Equal(HealthStatus.Unhealthy, await OutageCalls.HealthAsync(server, "replica", timeout.Token));

        var remaining = Outage - Stopwatch.GetElapsedTime(killed);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, timeout.Token);
        }

        var restarted = Stopwatch.GetTimestamp();
        await postgres.RestartAsync();

        // The replica becomes current by itself; decisions resume, the buffered audit rows are written late, none dropped.
        Assert.True(await Eventually.UntilAsync(() => currency.IsCurrent, TimeSpan.FromSeconds(30), timeout.Token), "The replica did not become current again.");
        var currentAgain = Stopwatch.GetElapsedTime(restarted);
        var expected = before + decidedInOutage;
        var written = await WaitForAuditRowsAsync(cluster, expected, timeout.Token);
        var auditWritten = Stopwatch.GetElapsedTime(restarted);
        Assert.Equal(expected, written);
        Assert.True(recorder.WrittenLate >= decidedInOutage, $"{recorder.WrittenLate} rows counted as written late, {decidedInOutage} waited.");
        Assert.Equal(0, recorder.Dropped);
        Assert.True((await LiveAsync(server, agent, key, timeout.Token)).Allowed);

        // A client retrying on 503 gets its session; an admin's revocation is written and pushed.
        var issued = await Eventually.ReadUntilAsync(
            () => IssueAsync(server, cluster, userToken, timeout.Token), outcome => outcome.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "an exchange after the restart", timeout.Token, TimeSpan.FromMilliseconds(200));
        Assert.NotNull(issued.AccessToken);
        using var probe = new AgentProbe(agent);
        var (afterStatus, _, _) = await OutageCalls.RevokeSessionAsync(server, adminToken, agent.SessionId, "after outage", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        await probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);

        output.WriteLine(
            $"PostgreSQL down {Stopwatch.GetElapsedTime(killed, restarted).TotalMilliseconds:0} ms: decisions refused (server-not-current) "
            + $"{notCurrentAfter.TotalMilliseconds:0} ms after the kill (MaxStaleness {MaxStaleness.TotalMilliseconds:0} ms); current again "
            + $"{currentAgain.TotalMilliseconds:0} ms after the restart; {decidedInOutage} audit rows of the outage written "
            + $"{auditWritten.TotalMilliseconds:0} ms after it (written late: {recorder.WrittenLate}, dropped: {recorder.Dropped}).");
    }

    private static Task<LiveAnswer> LiveAsync(ServerHost server, RtaClient agent, ProofKey key, CancellationToken cancellationToken) =>
        LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, agent.CurrentToken, "read", "records", cancellationToken, key);

    private static async Task<ExchangeOutcome> IssueAsync(ServerHost server, ServerCluster cluster, string userToken, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var outcome = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), cancellationToken);
        Assert.True(outcome.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, outcome.ToString());
        return outcome;
    }

    private static Task<long> WaitForAuditRowsAsync(ServerCluster cluster, long count, CancellationToken cancellationToken) =>
        Eventually.ReadUntilAsync(
            async () => (long)(await cluster.ScalarAsync("SELECT count(*) FROM decision_audit", cancellationToken))!,
            rows => rows >= count,
            TimeSpan.FromSeconds(30),
            $"{count} decision audit rows",
            cancellationToken,
            TimeSpan.FromMilliseconds(100));

    private static async Task AuthZenAsync(ServerHost server, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        const string Body = """{ "subject": { "type": "user", "id": "pep-user" }, "action": { "name": "read" }, "resource": { "type": "records", "id": "r-1" } }""";
        using var response = await http.PostAsync("access/v1/evaluation", new StringContent(Body, Encoding.UTF8, "application/json"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
