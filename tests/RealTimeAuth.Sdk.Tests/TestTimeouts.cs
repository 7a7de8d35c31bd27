namespace RealTimeAuth.Sdk.Tests;

internal static class TestTimeouts
{
    /// <summary>Bound on every await.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    /// <summary>How long to watch for something that must not happen.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
}
