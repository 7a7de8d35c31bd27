namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>Whether a scenario's trigger can fire on the system as it is, and if not, which feature it waits for.</summary>
public sealed record ScenarioAvailability(bool IsAvailable, string? WaitingFor)
{
    public static ScenarioAvailability Available { get; } = new(true, null);

    /// <summary>Not available until <paramref name="feature"/> exists; the run is refused rather than faked.</summary>
    public static ScenarioAvailability Until(string feature) => new(false, feature);
}
