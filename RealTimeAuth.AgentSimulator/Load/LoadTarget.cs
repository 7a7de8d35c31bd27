using System.Net;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>Load only ever goes to the configured server, and only to one on this machine unless explicitly allowed.</summary>
internal static class LoadTarget
{
    public static bool IsAllowed(Uri server, bool allowNonLoopback) =>
        allowNonLoopback || server.IsLoopback || (IPAddress.TryParse(server.Host, out var address) && IPAddress.IsLoopback(address));

    public static string RefusalFor(Uri server) =>
        $"The configured server {server.GetLeftPart(UriPartial.Authority)} is not on this machine; load runs go only to a local server "
        + $"unless {LoadOptions.SectionName}:AllowNonLoopbackServer is true.";
}
