namespace RealTimeAuth.Admin.Tests;

/// <summary>Bounds for waiting on a component's asynchronous renders.</summary>
internal static class Wait
{
    public static readonly TimeSpan Render = TimeSpan.FromSeconds(5);
}
