using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// Bursts from two transmitters about the same users, pushed concurrently and stored in groups (ADR 0026): every SET is
/// applied exactly once, in the order each transmitter sent it for each user, even when the receiver stops before
/// applying; a re-delivered SET is a duplicate; a round's users are resolved at once with the same outcome as one by one.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BurstIngestionTests(InfrastructureFixture infrastructure)
{
    private const string UserIssuer = "https://idp.test/";
    private const int Users = 3;
    private const int SetsPerChain = 6;
    private static readonly string[] Levels = ["low", "medium", "high"];

    // Servers sharing a database must read each other's signing keys; the other transmitter speaks for the same IdP.
    private readonly Dictionary<string, string> _shared = new()
    {
        ["SigningKeys:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SharedSignals:Transmitters:1:SubjectIssuers:0"] = UserIssuer,
    };

    [Fact]
    public async Task InterleavedBursts_TwoTransmitters_ReceiverRestarted_EachAppliedOnceInOrderPerUser()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_interleaved");
        var subjects = Enumerable.Range(0, Users).Select(index => $"user-{index}-{Guid.NewGuid():N}").ToList();
        var sessions = new Dictionary<string, Guid>();
        List<Chain> chains;
        await using (var receiver = await SsfServer.StartAsync(infrastructure, "ssf_interleaved", Receiving(), database))
        {
            foreach (var subject in subjects)
            {
                sessions[subject] = (await receiver.CreateSessionAsync(UserIssuer, subject)).Id;
            }

            chains = [.. subjects.SelectMany(subject => new[] { new Chain(receiver, other: false, subject), new Chain(receiver, other: true, subject) })];
            await Task.WhenAll(chains.Select(chain => chain.PushAsync()));

            var transactions = await receiver.QueryAsync(db => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM ssf_received_sets").ToListAsync());
            Assert.Equal(Users * 2 * SetsPerChain, transactions.Count);
            Assert.True(transactions.Distinct().Count() < transactions.Count, "Concurrent SETs were stored one transaction each.");
        }

        await using var applier = await SsfServer.StartAsync(infrastructure, "ssf_interleaved", _shared, database);
        foreach (var jti in chains.SelectMany(chain => chain.Jtis))
        {
            Assert.Equal(ReceivedSetStatus.Applied, (await applier.WaitForProcessedAsync(jti)).Status);
        }

        var logged = await applier.QueryAsync(db => db.EventLog.AsNoTracking().Where(entry => entry.Type == SsfEventLogTypes.EventProcessed)
            .OrderBy(entry => entry.Sequence).Select(entry => entry.Payload).ToListAsync());
        var appliedJtis = logged.Select(payload => JsonDocument.Parse(payload).RootElement.GetProperty("jti").GetString()!).ToList();
        Assert.Equal(chains.Sum(chain => chain.Jtis.Count), appliedJtis.Count);
        Assert.Equal(appliedJtis.Count, appliedJtis.Distinct().Count());
        foreach (var chain in chains)
        {
            Assert.Equal(chain.Jtis, appliedJtis.Where(chain.Jtis.Contains).ToList());
        }

        var redelivered = await applier.QueryAsync(db => db.ReceivedSets.AsNoTracking().Where(row => row.Redeliveries > 0).Select(row => new { row.Jti, row.Redeliveries }).ToListAsync());
        Assert.Equal(chains.Select(chain => chain.Jtis[1]).Order(), redelivered.Select(row => row.Jti).Order());
        Assert.All(redelivered, row => Assert.Equal(1, row.Redeliveries));

        // The last SET applied for a user is the level its sessions hold.
        foreach (var subject in subjects)
        {
            var last = appliedJtis.Last(jti => chains.Any(chain => chain.Subject == subject && chain.Jtis.Contains(jti)));
            var level = chains.Single(chain => chain.Jtis.Contains(last)).LevelOf(last);
            Assert.Equal(level, (await applier.ContextAsync(sessions[subject])).Attributes["user.risk_level"].AsString());
        }
    }

    [Fact]
    public async Task OneRound_UsersWithLiveRevokedAndNoSessions_ResolvedAsOneByOne()
    {
        var database = await infrastructure.CreateDatabaseAsync("ssf_round_users");
        var (live, revoked, unknown) = ($"live-{Guid.NewGuid():N}", $"revoked-{Guid.NewGuid():N}", $"nobody-{Guid.NewGuid():N}");
        Guid liveSession;
        var sets = new[] { live, revoked, unknown }.Select(subject => RiskLevel(TestStreams.Issuer, subject, "high")).ToList();
        await using (var receiver = await SsfServer.StartAsync(infrastructure, "ssf_round_users", Receiving(), database))
        {
            liveSession = (await receiver.CreateSessionAsync(UserIssuer, live)).Id;
            var revokedSession = (await receiver.CreateSessionAsync(UserIssuer, revoked)).Id;
            await receiver.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE sessions SET status = 'Revoked' WHERE id = {revokedSession}"));
            foreach (var claims in sets)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await receiver.PushAsync(claims)).Status);
            }
        }

        await using var applier = await SsfServer.StartAsync(infrastructure, "ssf_round_users", _shared, database);
        var results = new List<ReceivedSetEntity>();
        foreach (var claims in sets)
        {
            results.Add(await applier.WaitForProcessedAsync(claims["jti"]!.GetValue<string>()));
        }

        Assert.Equal([SetEffectCodes.ContextUpdated, SetEffectCodes.ContextUpdated, SetEffectCodes.NoMatchingSubject], results.Select(set => set.Effect));
        Assert.Equal([1, 0], results.Take(2).Select(set => SsfServer.Detail(set).GetProperty("sessions").GetInt32()));
        Assert.Equal("high", (await applier.ContextAsync(liveSession)).Attributes["user.risk_level"].AsString());
    }

    private Dictionary<string, string> Receiving() => new(_shared) { ["SharedSignals:ApplyEvents"] = "false" };

    private static JsonObject RiskLevel(string transmitter, string subject, string level) => new()
    {
        ["iss"] = transmitter,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aud"] = TestStreams.Audience,
        ["sub_id"] = new JsonObject { ["format"] = "iss_sub", ["iss"] = UserIssuer, ["sub"] = subject },
        ["events"] = new JsonObject
        {
            [SsfEventTypes.RiskLevelChange] = new JsonObject { ["current_level"] = level, ["principal"] = "USER" },
        },
    };

    /// <summary>
    /// One transmitter's SETs about one user, each pushed after the previous one's 202 (so their order is defined),
    /// the second pushed again after the fourth.
    /// </summary>
    private sealed class Chain(SsfServer server, bool other, string subject)
    {
        private readonly List<JsonObject> _sets = [.. Enumerable.Range(0, SetsPerChain)
            .Select(index => RiskLevel(other ? TestStreams.OtherIssuer : TestStreams.Issuer, subject, Levels[index % Levels.Length]))];

        public string Subject => subject;

        public List<string> Jtis => [.. _sets.Select(claims => claims["jti"]!.GetValue<string>())];

        public string LevelOf(string jti) =>
            _sets.Single(claims => claims["jti"]!.GetValue<string>() == jti)["events"]![SsfEventTypes.RiskLevelChange]!["current_level"]!.GetValue<string>();

        public async Task PushAsync()
        {
            for (var index = 0; index < _sets.Count; index++)
            {
                await PushOneAsync(_sets[index]);
                if (index == 3)
                {
                    await PushOneAsync(_sets[1]);
                }
            }
        }

        private async Task PushOneAsync(JsonObject claims)
        {
            var response = other ? await server.PostAsync(server.OtherKey.Sign(claims), server.OtherAuthorization) : await server.PushAsync(claims);
            Assert.True(response.Status == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.Status} {response.Error}: {response.Description}");
        }
    }
}
