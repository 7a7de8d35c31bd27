namespace RealTimeAuth.DevIdp.Tests;

/// <summary>Bounds every await in these tests.</summary>
internal static class TestTimeout
{
    /// <summary>A whole test, start to finish.</summary>
    public static readonly TimeSpan Test = TimeSpan.FromSeconds(30);

    public static CancellationTokenSource Start() => new(Test);
}
