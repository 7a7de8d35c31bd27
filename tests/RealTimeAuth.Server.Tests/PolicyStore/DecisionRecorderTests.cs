using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Policies;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Infrastructure;

namespace RealTimeAuth.Server.Tests.PolicyStore;

/// <summary>The audit queue never blocks a decision: past its capacity records are dropped and counted; the ring keeps the newest.</summary>
public sealed class DecisionRecorderTests
{
    [Fact]
    public void Record_QueueFull_DropsAndCountsWithoutBlocking_RingKeepsNewest()
    {
        var options = Options.Create(new DecisionAuditOptions { QueueCapacity = 2, RecentDecisions = 3 });
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new DecisionAuditMetrics(services.GetRequiredService<IMeterFactory>());
        using var dropped = new CounterTotal(metrics.Dropped);
        var ring = new RecentDecisionRing(options);
        var recorder = new DecisionRecorder(options, ring, new SessionCache(), metrics, new FakeTimeProvider(), NullLogger<DecisionRecorder>.Instance);

        for (var i = 0; i < 5; i++)
        {
            recorder.RecordAuthZen(Request($"r-{i}"), new PolicyDecision(true, PolicyReasons.Allowed, "rule", "7"));
        }

        Assert.Equal(3, recorder.Dropped);
        Assert.Equal(3, dropped.Value);
        Assert.True(recorder.Reader.TryRead(out var first));
        Assert.Equal("r-0", first.ResourceId);
        Assert.Equal(["r-2", "r-3", "r-4"], ring.Snapshot().Select(decision => decision.Record.ResourceId));
    }

    private static DecisionRequest Request(string id) => new()
    {
        Subject = new PolicySubject { Type = "user", Id = "u" },
        Action = "read",
        Resource = new PolicyResource { Type = "records", Id = id },
    };
}
