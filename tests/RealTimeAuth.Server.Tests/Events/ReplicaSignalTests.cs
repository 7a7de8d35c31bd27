using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Events;

/// <summary>
/// Every session created asks the synchronizer twice to read the log (its announcement and its wait). The requests
/// must coalesce, or a thousand agents connecting leave a backlog of empty reads that competes with the next storm.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ReplicaSignalTests(InfrastructureFixture infrastructure)
{
    /// <summary>Long enough for a backlog to show: one empty read takes about a millisecond.</summary>
    private static readonly TimeSpan BacklogWindow = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Signal_AThousandRequestsAtOnce_AreAnsweredByAFewReads()
    {
        // Polls rare enough not to blur the count.
        await using var server = await LiveServer.StartAsync(
            infrastructure, "replica_signals", new Dictionary<string, string> { ["Replica:PollInterval"] = "00:00:01.500" });
        var synchronizer = server.Service<ReplicaSynchronizer>();
        var telemetry = server.Service<RtaServerTelemetry>();
        using var reads = new CounterTotal(telemetry.LogReads);

        for (var request = 0; request < 1000; request++)
        {
            synchronizer.Signal();
        }

        await synchronizer.CatchUpAsync(CancellationToken.None);
        // A backlog would go on reading after the catch-up; nothing marks its absence, so the quiet period is the assertion.
        await Task.Delay(BacklogWindow);

        // Startup announcements, a poll or a pre-empted loop may add a few; counting every request made 400 or more.
        Assert.InRange(reads.Value, 1, 20);
        Assert.True(synchronizer.IsCurrent);
    }
}
