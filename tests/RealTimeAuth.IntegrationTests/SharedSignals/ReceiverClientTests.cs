using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.SharedSignals;

/// <summary>
/// The server as a receiver client of the real dev IdP (SSF 1.0 §8): it creates its stream at start, a verification it
/// asks for comes back with its state, poll delivery (RFC 8936) reaches the sessions and refuses a bad SET in
/// <c>setErrs</c>, a SET pushed twice is acted on once, a replica starting long after the last setup rotates the push
/// secret, and a deleted stream is gone at the IdP.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ReceiverClientTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    [Fact]
    public async Task PushStream_VerificationRequested_ComesBackWithItsState_AndARedeliveredSetIsActedOnOnce()
    {
        using var timeout = TestTimeouts.Start();
        await using var managed = await StartManagedAsync("ssfverify", timeout.Token);
        var (http, streamId) = (managed.Http, managed.StreamId);

        using var verify = await http.PostAsync($"admin/v1/ssf/streams/{streamId}/verify", null, timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, verify.StatusCode);
        var state = (await verify.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("state").GetString();
        var stream = await WaitForStreamAsync(http, streamId, row => row.TryGetProperty("lastVerificationState", out var seen) && seen.GetString() == state, timeout.Token);
        Assert.True(stream.TryGetProperty("lastVerifiedAt", out _));

        // Push a SET again: the IdP's outbox row goes back to pending, the worker delivers it a second time.
        var jtis = await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "device-compliance", new { status = "compliant" }, timeout.Token);
        var applied = await WaitForEventAsync(http, jtis, set => set.GetProperty("status").GetString() == "applied", timeout.Token);
        var jti = applied.GetProperty("jti").GetString()!;
        // The server applies a SET before the IdP's worker has recorded the delivery: reset the row only once it says
        // delivered, or the worker's own save would overwrite the reset.
        Assert.True(
            await Eventually.UntilAsync(
                async () => await QueryIdpAsync($"SELECT \"Status\" FROM ssf_outbox WHERE \"Jti\" = '{jti}'", timeout.Token) == "delivered",
                TimeSpan.FromSeconds(20),
                timeout.Token,
                TimeSpan.FromMilliseconds(50)),
            $"The IdP never recorded SET {jti} as delivered.");

        await ExecuteOnIdpAsync($"UPDATE ssf_outbox SET \"Status\" = 'pending', \"NextAttemptAt\" = 0 WHERE \"Jti\" = '{jti}'", timeout.Token);
        await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "device-compliance", new { status = "compliant" }, timeout.Token);
        var again = await WaitForEventAsync(http, [jti], set => set.GetProperty("redeliveries").GetInt32() == 1, timeout.Token);
        Assert.Equal("applied", again.GetProperty("status").GetString());
        Assert.Equal(applied.GetProperty("appliedAt").GetDateTimeOffset(), again.GetProperty("appliedAt").GetDateTimeOffset());
        output.WriteLine($"Verification state {state} confirmed; SET {jti} redelivered once, applied once.");
    }

    [Fact]
    public async Task SubjectRemovedThroughTheAdminApi_IdpSendsNothingForItOnTheStream_UntilAddedAgain()
    {
        using var timeout = TestTimeouts.Start();
        await using var managed = await StartManagedAsync("ssfsubjects", timeout.Token);
        var (http, streamId, transmitterStreamId) = (managed.Http, managed.StreamId, managed.TransmitterStreamId);
        var subject = new { format = "iss_sub", iss = idp.Issuer, sub = DemoAccounts.RickSubject };

        using var removed = await http.PostAsJsonAsync($"admin/v1/ssf/streams/{streamId}/subjects:remove", subject, timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var whileRemoved = await QueuedStreamsAsync(DemoAccounts.RickSubject, timeout.Token);
        using var added = await http.PostAsJsonAsync($"admin/v1/ssf/streams/{streamId}/subjects:add", subject, timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var afterAdded = await QueuedStreamsAsync(DemoAccounts.RickSubject, timeout.Token);

        Assert.DoesNotContain(transmitterStreamId, whileRemoved);
        Assert.Contains(transmitterStreamId, afterAdded);
    }

    [Fact]
    public async Task ManagedStreamDeletedThroughTheAdminApi_GoneAtTheIdp_DisabledHere_NoLongerManaged()
    {
        using var timeout = TestTimeouts.Start();
        await using var managed = await StartManagedAsync("ssfdelete", timeout.Token);
        var (http, streamId, transmitterStreamId) = (managed.Http, managed.StreamId, managed.TransmitterStreamId);
        Assert.Contains(transmitterStreamId, await QueuedStreamsAsync(DemoAccounts.RickSubject, timeout.Token));

        using var deleted = await http.DeleteAsync($"admin/v1/ssf/streams/{streamId}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(transmitterStreamId, await QueuedStreamsAsync(DemoAccounts.RickSubject, timeout.Token));
        var row = await WaitForStreamAsync(http, streamId, _ => true, timeout.Token);
        Assert.False(row.GetProperty("enabled").GetBoolean());
        using var verify = await http.PostAsync($"admin/v1/ssf/streams/{streamId}/verify", null, timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
    }

    [Fact]
    public async Task ReplicaStartingLongAfterTheLastSetup_RotatesThePushSecret_AndTheIdpPushesWithTheNewOne()
    {
        using var timeout = TestTimeouts.Start();
        await using var managed = await StartManagedAsync("ssfrotate", timeout.Token);
        var firstSecret = await PushSecretHashAsync(managed, timeout.Token);
        await managed.Server.DisposeAsync();

        // The restart comes "ten minutes" after the last setup; starting the synchronizer must not make it look recent.
        Assert.Equal(1, await managed.Cluster.ExecuteAsync($"UPDATE ssf_streams SET configured_at = now() - interval '10 minutes' WHERE id = '{managed.StreamId}'", timeout.Token));
        var second = await managed.Cluster.StartReplicaAsync();
        Assert.True(
            await Eventually.UntilAsync(
                async () => await PushSecretHashAsync(managed, timeout.Token) != firstSecret, TestTimeouts.Startup, timeout.Token, TimeSpan.FromMilliseconds(100)),
            "The second replica never rotated the stream's push secret.");

        using var http = second.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", managed.AdminToken);
        var jtis = await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "device-compliance", new { status = "compliant" }, timeout.Token);
        var applied = await WaitForEventAsync(http, jtis, set => set.GetProperty("status").GetString() == "applied", timeout.Token);
        output.WriteLine($"Push secret rotated on restart; SET {applied.GetProperty("jti").GetString()} pushed with the new one and applied.");
    }

    /// <summary>One replica with the dev IdP as its managed push transmitter, once its stream is set up there.</summary>
    private async Task<ManagedReplica> StartManagedAsync(string name, CancellationToken cancellationToken)
    {
        var cluster = await ServerCluster.CreateAsync(infrastructure, idp, name, SsfTriggers.ManagedTransmitter(idp));
        try
        {
            var server = await cluster.StartReplicaAsync();
            var adminToken = await idp.AdminAccessTokenAsync(cancellationToken);
            var streamId = await SsfTriggers.WaitForStreamAsync(server, adminToken, TestTimeouts.Startup, cancellationToken);
            var http = server.CreateHttpClient();
            http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
            var transmitterStreamId = (await WaitForStreamAsync(http, streamId, _ => true, cancellationToken)).GetProperty("streamId").GetString()!;
            return new ManagedReplica(cluster, server, http, adminToken, streamId, transmitterStreamId);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> PushSecretHashAsync(ManagedReplica managed, CancellationToken cancellationToken) =>
        (string)(await managed.Cluster.ScalarAsync($"SELECT encode(push_authorization_hash, 'hex') FROM ssf_streams WHERE id = '{managed.StreamId}'", cancellationToken))!;

    /// <summary>The IdP streams a credential-change (password created: revokes nothing) for the user is queued on.</summary>
    private async Task<List<string>> QueuedStreamsAsync(string user, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(idp.Issuer) };
        using var response = await client.PostAsJsonAsync($"ssf/v1/triggers/{user}/credential-change", new { changeType = "create", credentialType = "password" }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return [.. body.GetProperty("sets").EnumerateArray().Select(set => set.GetProperty("streamId").GetString()!)];
    }

    [Fact]
    public async Task PollStream_RiskEvent_ReachesTheSession_AndABadSetIsReportedInSetErrs()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "ssfpoll", SsfTriggers.ManagedTransmitter(idp, "urn:ietf:rfc:8936"));
        var server = await cluster.StartReplicaAsync();
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
        await SsfTriggers.WaitForStreamAsync(server, adminToken, TestTimeouts.Startup, timeout.Token);
        using var copilotFactory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await copilotFactory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        using var probe = new AgentProbe(copilot);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);

        try
        {
            var jtis = await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "risk", new { level = "high" }, timeout.Token);
            await probe.WaitForRefreshAsync(RtaRefreshReasons.ContextChanged, TimeSpan.FromSeconds(15));

            // A SET the receiver must refuse, queued on the same stream: it comes back as a setErrs entry.
            var stream = await QueryIdpAsync($"SELECT \"StreamId\" FROM ssf_outbox WHERE \"Jti\" IN ('{string.Join("','", jtis)}') AND \"StreamId\" IN (SELECT \"Id\" FROM ssf_streams WHERE \"DeliveryMethod\" = 'urn:ietf:rfc:8936')", timeout.Token);
            await ExecuteOnIdpAsync(
                $"INSERT INTO ssf_outbox (\"StreamId\", \"Jti\", \"EventType\", \"Set\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\") VALUES ('{stream}', 'bad-set-1', 'x', 'not.a.set', 'pending', 0, '2026-01-01 00:00:00+00:00', 0)",
                timeout.Token);
            await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "risk", new { level = "medium" }, timeout.Token);
            var error = await Eventually.ReadUntilAsync(
                () => QueryIdpAsync("SELECT \"LastError\" FROM ssf_outbox WHERE \"Jti\" = 'bad-set-1' AND \"Status\" = 'failed'", timeout.Token),
                recorded => recorded is not null,
                TimeSpan.FromSeconds(30),
                "The IdP recording bad-set-1 as failed",
                timeout.Token,
                TimeSpan.FromMilliseconds(100));

            output.WriteLine($"setErrs recorded by the IdP: {error}");
            Assert.StartsWith("invalid_request", error, StringComparison.Ordinal);
        }
        finally
        {
            await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "risk", new { level = "low" }, CancellationToken.None);
        }
    }

    private async Task ExecuteOnIdpAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(DevIdpStore.ConnectionString(idp.Host.DatabasePath));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string?> QueryIdpAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(DevIdpStore.ConnectionString(idp.Host.DatabasePath));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static Task<JsonElement> WaitForStreamAsync(HttpClient http, Guid id, Func<JsonElement, bool> condition, CancellationToken cancellationToken) =>
        Eventually.ReadUntilAsync(
            async () => (await http.GetFromJsonAsync<JsonElement>("admin/v1/ssf/streams", cancellationToken))
                .EnumerateArray().Single(row => row.GetProperty("id").GetGuid() == id),
            condition,
            TimeSpan.FromSeconds(15),
            $"Stream {id} reaching the expected state",
            cancellationToken,
            TimeSpan.FromMilliseconds(100));

    private static Task<JsonElement> WaitForEventAsync(HttpClient http, IReadOnlyList<string> jtis, Func<JsonElement, bool> condition, CancellationToken cancellationToken) =>
        Eventually.ReadUntilAsync(
            async () =>
            {
                foreach (var jti in jtis)
                {
                    var page = await http.GetFromJsonAsync<JsonElement>($"admin/v1/ssf/events?jti={jti}&skip=0&take=50", cancellationToken);
                    if (page.GetProperty("items").EnumerateArray().FirstOrDefault(condition) is { ValueKind: JsonValueKind.Object } found)
                    {
                        return found;
                    }
                }

                return default;
            },
            found => found.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(20),
            $"A received SET among {string.Join(", ", jtis)} reaching the expected state",
            cancellationToken,
            TimeSpan.FromMilliseconds(100));

    private sealed record ManagedReplica(ServerCluster Cluster, ServerHost Server, HttpClient Http, string AdminToken, Guid StreamId, string TransmitterStreamId)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Cluster.DisposeAsync();
        }
    }
}
