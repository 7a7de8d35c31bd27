using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// A group of SETs queued before the writer runs is stored as one group (ADR 0026): one transaction for the SETs the
/// database takes, a replay inside the group is a duplicate, and a SET the database refuses fails alone.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ReceivedSetBatcherTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task OneGroup_DuplicateAndRowTheDatabaseRefuses_OthersStoredTogether()
    {
        await using var server = await SsfServer.StartAsync(infrastructure, "ssf_batcher", new Dictionary<string, string> { ["SharedSignals:ApplyEvents"] = "false" });
        var first = await ValidateAsync(server);
        var second = await ValidateAsync(server);
        // Valid in every way the validator checks, but its stream is gone from the database: the foreign key refuses it.
        var orphan = (await ValidateAsync(server)) with { Stream = first.Stream with { Id = Guid.NewGuid() } };

        var batcher = new ReceivedSetBatcher(server.Service<IServiceScopeFactory>(), server.Service<SetArrivalSignal>(), NullLogger<ReceivedSetBatcher>.Instance);
        var added = new[] { first, orphan, second, first }.Select(set => batcher.AddAsync(set, ReceivedSetStatus.Push, CancellationToken.None)).ToList();
        await batcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await added[0].WaitAsync(SsfServer.Timeout));
            await Assert.ThrowsAnyAsync<DbException>(() => added[1].WaitAsync(SsfServer.Timeout));
            Assert.True(await added[2].WaitAsync(SsfServer.Timeout));
            Assert.False(await added[3].WaitAsync(SsfServer.Timeout));
        }
        finally
        {
            await batcher.StopAsync(CancellationToken.None);
        }

        var rows = await server.QueryAsync(db => db.ReceivedSets.AsNoTracking().OrderBy(row => row.Id).Select(row => new { row.Jti, row.Redeliveries }).ToListAsync());
        Assert.Equal([first.Jti, second.Jti], rows.Select(row => row.Jti));
        Assert.Equal([1, 0], rows.Select(row => row.Redeliveries));
    }

    [Fact]
    public async Task GroupQueuedTogether_StoredInOneTransaction_InQueueOrder_ReplayInGroupIsDuplicate()
    {
        await using var server = await SsfServer.StartAsync(infrastructure, "ssf_batcher_group", new Dictionary<string, string> { ["SharedSignals:ApplyEvents"] = "false" });
        var sets = new List<ValidatedSet>();
        for (var index = 0; index < 10; index++)
        {
            sets.Add(await ValidateAsync(server));
        }

        var batcher = new ReceivedSetBatcher(server.Service<IServiceScopeFactory>(), server.Service<SetArrivalSignal>(), NullLogger<ReceivedSetBatcher>.Instance);
        var added = sets.Append(sets[3]).Select(set => batcher.AddAsync(set, ReceivedSetStatus.Push, CancellationToken.None)).ToList();
        await batcher.StartAsync(CancellationToken.None);
        try
        {
            var stored = await Task.WhenAll(added).WaitAsync(SsfServer.Timeout);
            Assert.Equal([.. Enumerable.Repeat(true, sets.Count), false], stored);
        }
        finally
        {
            await batcher.StopAsync(CancellationToken.None);
        }

        var rows = await server.QueryAsync(db => db.Database.SqlQuery<string>(
            $"SELECT jti || ' ' || xmin::text || ' ' || redeliveries AS \"Value\" FROM ssf_received_sets ORDER BY id").ToListAsync());
        Assert.Equal(sets.Select(set => set.Jti), rows.Select(row => row.Split(' ')[0]));
        Assert.Single(rows.Select(row => row.Split(' ')[1]).Distinct());
        Assert.Equal(sets.Select((_, index) => index == 3 ? "1" : "0"), rows.Select(row => row.Split(' ')[2]));
    }

    private static async Task<ValidatedSet> ValidateAsync(SsfServer server)
    {
        var streams = server.Service<SsfStreamCatalog>().AuthenticatePush(server.Authorization);
        var validation = await server.Service<SetValidator>().ValidateAsync(server.Key.Sign(Sets.SessionEstablished()), streams, CancellationToken.None);
        return validation.Set ?? throw new InvalidOperationException($"The test SET is not valid: {validation.Rejection?.Reason}");
    }
}
