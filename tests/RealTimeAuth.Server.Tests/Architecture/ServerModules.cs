namespace RealTimeAuth.Server.Tests.Architecture;

/// <summary>
/// The server's module layering (docs/architecture.md): each module and the modules it may use. A module may use the
/// ones listed and nothing else of the server; <c>Extensions</c> (the composition root) and <c>Program</c> may use all.
/// </summary>
internal static class ServerModules
{
    private static readonly string[] Base = ["Data", "Telemetry", "Auth", "Hosting", "Limits"];

    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Data"] = [],
        ["Telemetry"] = [],
        ["Hosting"] = [],
        ["Auth"] = ["Hosting"],
        ["Limits"] = ["Data", "Telemetry", "Auth", "Hosting"],
        ["Events"] = [.. Base],
        ["Keys"] = [.. Base, "Events"],
        ["Sessions"] = [.. Base, "Events"],
        ["Authorization"] = [.. Base, "Events", "Sessions"],
        ["Live"] = [.. Base, "Events", "Sessions", "Authorization"],
        ["AuthZen"] = [.. Base, "Events", "Sessions", "Authorization"],
        ["Exchange"] = [.. Base, "Events", "Sessions"],
        ["SharedSignals"] = [.. Base, "Events", "Sessions", "Exchange"],
        ["Admin"] = [.. Base, "Events", "Sessions"],
        ["Health"] = [.. Base, "Events"],
    };

    public static string Namespace(string module) => "RealTimeAuth.Server." + module;
}
