using System.Collections.Frozen;

namespace RealTimeAuth.Policies.Tests;

/// <summary>A fixed, fully populated request and variations of it.</summary>
internal static class TestRequests
{
    /// <summary>Monday 5 January 2026, 09:30 UTC: minute 570 of the day, day 1 of the week.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    public static readonly PolicySubject Alice = new()
    {
        Type = "user",
        Id = "alice",
        Email = "alice@example.com",
        Roles = ["editor", "staff"],
        Attributes = Map(("department", "eng"), ("site", "paris")),
        RiskLevel = "low",
        AssuranceLevel = 2,
        DeviceCompliant = true,
    };

    public static readonly PolicySubject Bare = new() { Type = "user", Id = "bob" };

    public static readonly PolicyAgent Copilot = new() { Id = "copilot-7", Kind = "assistant", Depth = 1, Chain = ["portal-1", "copilot-7"] };

    public static DecisionRequest Request(
        string action = "read",
        string resourceType = "document",
        string? resourceId = "doc-1",
        PolicySubject? subject = null,
        PolicyAgent? agent = null,
        IReadOnlyDictionary<string, string>? properties = null,
        DateTimeOffset? time = null,
        IReadOnlyDictionary<string, string>? context = null) => new()
        {
            Subject = subject ?? Alice,
            Resource = new PolicyResource
            {
                Type = resourceType,
                Id = resourceId,
                Properties = properties ?? Map(("ownerID", "alice@example.com"), ("pages", "12")),
            },
            Action = action,
            Agent = agent,
            Time = time,
            RequestContext = context,
        };

    /// <summary>Alice, through the copilot, at <see cref="MondayMorning"/>, from 10.0.0.7.</summary>
    public static DecisionRequest Full() =>
        Request(agent: Copilot, time: MondayMorning, context: Map(("ip", "10.0.0.7")));

    public static PolicyAgent Agent(string kind, int depth, string id = "agent-1") => new() { Id = id, Kind = kind, Depth = depth, Chain = [id] };

    public static IReadOnlyDictionary<string, string> Map(params (string Key, string Value)[] entries) =>
        entries.ToFrozenDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
}
