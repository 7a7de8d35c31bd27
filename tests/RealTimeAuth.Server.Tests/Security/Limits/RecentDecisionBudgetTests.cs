using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Limits;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>The recent-decision ring keeps what-if inputs only within its budget of property entries and characters.</summary>
public sealed class RecentDecisionBudgetTests
{
    [Fact]
    public void Add_PropertiesPastTheCharacterBudget_KeepsTheRecordWithoutReplayInputs()
    {
        var ring = Ring(recentPropertyChars: 100);

        ring.Add(Live(new Dictionary<string, string> { ["owner"] = new string('o', 101) }));
        ring.Add(Live(new Dictionary<string, string> { ["owner"] = "alice" }));

        var kept = ring.Snapshot();
        Assert.Null(kept[0].LiveQuery);
        Assert.Equal("read", kept[0].Record.Action);
        Assert.NotNull(kept[1].LiveQuery);
    }

    [Fact]
    public void Add_MorePropertiesThanAllowed_KeepsTheRecordWithoutReplayInputs()
    {
        var ring = Ring(recentPropertyChars: 1_000_000);
        var many = Enumerable.Range(0, DecisionInputLimits.MaxProperties + 1).ToDictionary(i => $"k{i}", _ => "v");

        ring.Add(Live(many));

        Assert.Null(Assert.Single(ring.Snapshot()).LiveQuery);
    }

    private static RecentDecisionRing Ring(int recentPropertyChars) =>
        new(Options.Create(new DecisionAuditOptions { RecentDecisions = 10, RecentPropertyChars = recentPropertyChars }));

    private static RecentDecision Live(Dictionary<string, string> properties) => new(
        new DecisionRecord(DateTimeOffset.UnixEpoch, Guid.NewGuid(), "alice", [], "read", "documents", "7", true, null, "allowed", DecisionRecord.LiveSource),
        new AuthorizationQuery { Action = "read", ResourceType = "documents", ResourceId = "7", ResourceProperties = properties },
        null);
}
