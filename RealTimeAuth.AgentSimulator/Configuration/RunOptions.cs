namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The pace and length of a scenario run (<c>Simulator:Run</c>).</summary>
public sealed class RunOptions
{
    /// <summary>Pause between one agent's actions.</summary>
    public TimeSpan ActionInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long an allowed action takes to perform; a revocation cancels it mid-way.</summary>
    public TimeSpan WorkDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Steady work before the scenario's trigger fires.</summary>
    public TimeSpan TriggerAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Length of a run requested over HTTP, from the first action to the end.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Length of the run at start in <see cref="SimulatorMode.Scenario"/> mode; unset means until the simulator stops.</summary>
    public TimeSpan? StartupDuration { get; set; }

    /// <summary>How long after the trigger the agents it should stop may take before the run reports them as not stopped.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
