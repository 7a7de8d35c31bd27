namespace RealTimeAuth.DevIdp.Tests;

/// <summary>Bounds every await in these tests.</summary>
internal static class TestTimeout
{
    public static CancellationTokenSource Start() => new(TimeSpan.FromSeconds(30));
}
