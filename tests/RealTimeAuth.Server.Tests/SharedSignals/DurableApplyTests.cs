using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>An accepted SET is never lost: it is stored before the 202 and applied by whichever replica holds the applier lease, even after a restart.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DurableApplyTests(InfrastructureFixture infrastructure)
{
    private const string Issuer = "https://idp.example.com/";

    // Servers sharing a database must read each other's signing keys.
    private readonly Dictionary<string, string> _shared = new() { ["SigningKeys:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    [Fact]
    public async Task AcceptedSet_ReceiverStoppedBeforeApplying_AppliedAfterRestart()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_durable");
        var subject = $"user-{Guid.NewGuid():N}";
        var claims = Sets.CredentialChangeRequired(Issuer, subject);
        Guid sessionId;
        await using (var receiver = await SsfServer.StartAsync(infrastructure, "ssf_durable", new Dictionary<string, string>(_shared) { ["SharedSignals:ApplyEvents"] = "false" }, database))
        {
            sessionId = (await receiver.CreateSessionAsync(Issuer, subject)).Id;
            var response = await receiver.PushAsync(claims);
            Assert.Equal(HttpStatusCode.Accepted, response.Status);
            var stored = await receiver.QueryAsync(db => db.ReceivedSets.AsNoTracking().SingleAsync(set => set.Jti == claims["jti"]!.GetValue<string>()));
            Assert.Equal(ReceivedSetStatus.Pending, stored.Status);
        }

        await using var restarted = await SsfServer.StartAsync(infrastructure, "ssf_durable", _shared, database);
        var applied = await restarted.WaitForProcessedAsync(claims["jti"]!.GetValue<string>());

        Assert.Equal(ReceivedSetStatus.Applied, applied.Status);
        Assert.Equal("Revoked", (await restarted.SessionAsync(sessionId)).Status);
    }

    [Fact]
    public async Task AcceptedBurst_AppliedInOrder_MarkedTogether_OneEntryEach()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_burst");
        var subject = $"user-{Guid.NewGuid():N}";
        var sets = Enumerable.Range(0, 30).Select(index => index == 15 ? Sets.CredentialChangeRequired(Issuer, subject) : Sets.SessionEstablished()).ToList();
        Guid sessionId;
        await using (var receiver = await SsfServer.StartAsync(infrastructure, "ssf_burst", new Dictionary<string, string>(_shared) { ["SharedSignals:ApplyEvents"] = "false" }, database))
        {
            sessionId = (await receiver.CreateSessionAsync(Issuer, subject)).Id;
            foreach (var claims in sets)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await receiver.PushAsync(claims)).Status);
            }
        }

        await using var applier = await SsfServer.StartAsync(infrastructure, "ssf_burst", _shared, database);
        var jtis = sets.Select(claims => claims["jti"]!.GetValue<string>()).ToList();
        foreach (var jti in jtis)
        {
            Assert.Equal(ReceivedSetStatus.Applied, (await applier.WaitForProcessedAsync(jti)).Status);
        }

        Assert.Equal("Revoked", (await applier.SessionAsync(sessionId)).Status);
        var marks = await applier.QueryAsync(db => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM ssf_received_sets").ToListAsync());
        Assert.Single(marks.Distinct());
        var logged = await applier.QueryAsync(db => db.EventLog.AsNoTracking().Where(entry => entry.Type == SsfEventLogTypes.EventProcessed)
            .OrderBy(entry => entry.Sequence).Select(entry => entry.Payload).ToListAsync());
        Assert.Equal(jtis, logged.Select(payload => System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("jti").GetString()!).ToList());
    }

    [Fact]
    public async Task AcceptedSet_OnReceiveOnlyReplica_AppliedByAnother()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_replicas");
        await using var applier = await SsfServer.StartAsync(infrastructure, "ssf_replicas", _shared, database);
        await using var receiver = await SsfServer.StartAsync(infrastructure, "ssf_replicas",
            new Dictionary<string, string>(_shared) { ["SharedSignals:ApplyEvents"] = "false" }, database);
        var subject = $"user-{Guid.NewGuid():N}";
        var session = await receiver.CreateSessionAsync(Issuer, subject);

        var set = await receiver.DeliverAsync(Sets.CredentialChangeRequired(Issuer, subject));

        Assert.False(receiver.Service<SetApplier>().IsLeader);
        Assert.Equal(ReceivedSetStatus.Applied, set.Status);
        Assert.Equal("Revoked", (await receiver.SessionAsync(session.Id)).Status);
    }

    [Fact]
    public async Task AcceptedSets_TwoApplyingReplicas_EachAppliedExactlyOnce()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_two_appliers");
        // One stream row serves both: each server writes its configured secret to it and the other reloads it, so they
        // must be configured with the same one.
        var authorization = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var settings = new Dictionary<string, string>(_shared) { ["SharedSignals:Transmitters:0:PushAuthorization"] = authorization };
        await using var first = await SsfServer.StartAsync(infrastructure, "ssf_two_appliers", settings, database);
        await using var second = await SsfServer.StartAsync(infrastructure, "ssf_two_appliers", settings, database, waitForLease: false);
        var jtis = new List<string>();

        for (var index = 0; index < 10; index++)
        {
            var claims = Sets.SessionEstablished();
            var server = index % 2 == 0 ? first : second;
            var response = await server.PostAsync(server.Key.Sign(claims), authorization);
            Assert.True(response.Status == HttpStatusCode.Accepted, $"SET {index}: expected 202, got {(int)response.Status} {response.Error}: {response.Description}");
            jtis.Add(claims["jti"]!.GetValue<string>());
        }

        foreach (var jti in jtis)
        {
            Assert.Equal(ReceivedSetStatus.Applied, (await first.WaitForProcessedAsync(jti)).Status);
        }

        var logged = await first.QueryAsync(db => db.EventLog.AsNoTracking().CountAsync(entry => entry.Type == SsfEventLogTypes.EventProcessed));
        Assert.Equal(jtis.Count, logged);
    }
}
