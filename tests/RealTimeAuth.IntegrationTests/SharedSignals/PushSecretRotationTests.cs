using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.SharedSignals;

/// <summary>
/// A replica that sets up its managed push stream long after the last setup rotates the stream's Authorization at the
/// real dev IdP (ADR 0009), and the IdP's next push carries the new secret.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PushSecretRotationTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    [Fact]
    public async Task ReplicaStartingLongAfterTheLastSetup_RotatesThePushSecret_AndTheIdpPushesWithTheNewOne()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "ssfrotate", SsfTriggers.ManagedTransmitter(idp));
        var first = await cluster.StartReplicaAsync();
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
        var streamId = await SsfTriggers.WaitForStreamAsync(first, adminToken, TestTimeouts.Startup, timeout.Token);
        var firstSecret = await PushSecretHashAsync(cluster, streamId, timeout.Token);
        await first.DisposeAsync();

        // The restart comes "ten minutes" after the last setup; starting the synchronizer must not make it look recent.
        await ExecuteAsync(cluster, $"UPDATE ssf_streams SET configured_at = now() - interval '10 minutes' WHERE id = '{streamId}'", timeout.Token);
        var second = await cluster.StartReplicaAsync();
        var deadline = DateTime.UtcNow + TestTimeouts.Startup;
        while (await PushSecretHashAsync(cluster, streamId, timeout.Token) == firstSecret)
        {
            Assert.True(DateTime.UtcNow < deadline, "The second replica never rotated the stream's push secret.");
            await Task.Delay(100, timeout.Token);
        }

        using var http = second.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var jtis = await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "device-compliance", new { status = "compliant" }, timeout.Token);
        var applied = await WaitForAppliedAsync(http, jtis, timeout.Token);
        output.WriteLine($"Push secret rotated on restart; SET {applied} pushed with the new one and applied.");
    }

    private static async Task<string> PushSecretHashAsync(ServerCluster cluster, Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT encode(push_authorization_hash, 'hex') FROM ssf_streams WHERE id = '{streamId}'", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(ServerCluster cluster, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(cluster.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
    }

    private static async Task<string> WaitForAppliedAsync(HttpClient http, IReadOnlyList<string> jtis, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            foreach (var jti in jtis)
            {
                var page = await http.GetFromJsonAsync<JsonElement>($"admin/v1/ssf/events?jti={jti}", cancellationToken);
                if (page.GetProperty("items").EnumerateArray().Any(set => set.GetProperty("status").GetString() == "applied"))
                {
                    return jti;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No SET among {string.Join(", ", jtis)} was applied.");
            await Task.Delay(100, cancellationToken);
        }
    }
}
