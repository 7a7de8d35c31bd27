using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Events;

/// <summary>A replica may act on an announced entry at once, so only a committed entry can be announced (ADR 0025).</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class EventAnnouncerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task AnnounceAsync_EntryInsideItsOpenTransaction_IsRefusedAndNeverApplied()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "announce_before_commit");
        var announcer = server.Service<EventAnnouncer>();
        var currency = server.Service<IReplicaCurrency>();
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();

        EventLogRecord entry;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await events.LockAsync(db, CancellationToken.None);
            entry = events.Append(db, "test.uncommitted", new { }, "test");
            await Assert.ThrowsAsync<InvalidOperationException>(() => announcer.AnnounceAsync(db, entry));
            await db.SaveChangesAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => announcer.AnnounceAsync(db, entry));
            await transaction.RollbackAsync();
        }

        await currency.CatchUpAsync(CancellationToken.None);
        Assert.True(currency.LastAppliedSequence < entry.Sequence, $"Applied up to {currency.LastAppliedSequence}, past the rolled-back {entry.Sequence}.");
    }

    [Fact]
    public async Task AnnounceAsync_CommittedEntry_IsAppliedHereWithoutReadingTheLog()
    {
        await using var server = await LiveServer.StartAsync(
            infrastructure, "announce_after_commit", new Dictionary<string, string> { ["Replica:PollInterval"] = "00:00:10" });
        var currency = server.Service<IReplicaCurrency>();
        await currency.CatchUpAsync(CancellationToken.None);
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        var telemetry = server.Service<RtaServerTelemetry>();
        using var reads = new CounterTotal(telemetry.LogReads);
        using var announced = new CounterTotal(telemetry.AnnouncedEntriesApplied);

        EventLogRecord entry;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await events.LockAsync(db, CancellationToken.None);
            entry = events.Append(db, "test.committed", new { }, "test");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await server.Service<EventAnnouncer>().AnnounceAsync(db, entry);
        await currency.WaitForAppliedAsync(entry.Sequence, CancellationToken.None).WaitAsync(LiveServer.Timeout);

        Assert.Equal(1, announced.Value);
        Assert.Equal(0, reads.Value);
    }
}
