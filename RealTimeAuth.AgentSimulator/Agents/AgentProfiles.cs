namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>The agents a co-pilot delegates to in the scenarios, and the agent load runs use.</summary>
public static class AgentProfiles
{
    public const string PolicyReader = "policy-reader";
    public const string ComplianceChecker = "compliance-checker";
    public const string DataWriter = "data-writer";
    public const string RecordExporter = "record-exporter";
    public const string LoadAgent = "load-agent";

    /// <summary>
    /// The co-pilot's team: a policy reader; a compliance checker that reads and, every third action, tries to fix a
    /// record it has no scope to write (denied, recorded, not done); a data writer with a record exporter of its own, so
    /// revoking the writer's subtree shows a grandchild stopping too.
    /// </summary>
    public static readonly IReadOnlyList<AgentProfile> Demo =
    [
        new(PolicyReader, "Policy reader", ["policies:read"], [AgentAction.Read("policies")]),
        new(ComplianceChecker, "Compliance checker", ["compliance:read", "records:read"],
            [AgentAction.Read("compliance"), AgentAction.Read("records"), AgentAction.Write("records")]),
        new(DataWriter, "Data writer", ["records:read", "records:write"], [AgentAction.Read("records"), AgentAction.Write("records")])
        {
            Delegates = [new(RecordExporter, "Record exporter", ["records:read"], [AgentAction.Read("records")])],
        },
    ];

    /// <summary>A load run's agent: reads and writes records, each within its scopes.</summary>
    public static readonly AgentProfile Load =
        new(LoadAgent, "Load agent", ["records:read", "records:write"], [AgentAction.Read("records"), AgentAction.Write("records")]);

    /// <summary>This list's profiles and every profile below them, parents first.</summary>
    public static IEnumerable<AgentProfile> Flatten(this IReadOnlyList<AgentProfile> profiles) => profiles.SelectMany(profile => profile.Flatten());

    /// <summary>The scopes a parent needs to delegate to all of <paramref name="profiles"/>, sorted.</summary>
    public static IReadOnlyList<string> ScopesFor(IEnumerable<AgentProfile> profiles) =>
        [.. profiles.SelectMany(profile => profile.Flatten()).SelectMany(profile => profile.Scopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
