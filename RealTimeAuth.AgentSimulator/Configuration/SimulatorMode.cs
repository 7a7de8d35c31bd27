namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>What the simulator does when it starts (<c>Simulator:Mode</c>).</summary>
public enum SimulatorMode
{
    /// <summary>Runs <c>Simulator:Scenario</c>, then waits for scenarios and load runs requested over HTTP.</summary>
    Scenario,

    /// <summary>Runs one load test with <c>Simulator:Load</c>, prints and writes its latencies, then waits.</summary>
    Load,

    /// <summary>Starts nothing; runs only what is requested over HTTP.</summary>
    Idle,
}
