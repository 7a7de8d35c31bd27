namespace RealTimeAuth.Sdk.Tests;

internal static class TestTimeouts
{
    /// <summary>Bound on every await.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);
}
