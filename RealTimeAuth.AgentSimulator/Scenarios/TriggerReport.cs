namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>What the trigger did, or why it failed.</summary>
public sealed record TriggerReport(
    string Description,
    IReadOnlyList<string> ExpectedToStop,
    IReadOnlyList<string> ExpectedDeniedActions,
    IReadOnlyList<string> RevokedSessionIds,
    long? EventSequence,
    string? Error)
{
    /// <summary>What a stolen-token trigger tried, and how the server answered each attempt.</summary>
    public IReadOnlyList<Attacks.AttackAttempt> Attacks { get; init; } = [];
}
