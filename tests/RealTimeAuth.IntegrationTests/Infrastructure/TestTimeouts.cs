namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>Bounds for every await in these tests.</summary>
internal static class TestTimeouts
{
    /// <summary>A whole test, start to finish.</summary>
    public static readonly TimeSpan Test = TimeSpan.FromSeconds(90);

    /// <summary>Starting one host and waiting until it is ready.</summary>
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    /// <summary>How long a pushed message (revocation, refresh) may take to arrive on a stream.</summary>
    public static readonly TimeSpan Push = TimeSpan.FromSeconds(5);

    public static CancellationTokenSource Start() => new(Test);
}
