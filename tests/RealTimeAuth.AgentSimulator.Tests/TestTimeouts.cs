namespace RealTimeAuth.AgentSimulator.Tests;

internal static class TestTimeouts
{
    /// <summary>Bound on every await of a unit test.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);
}
