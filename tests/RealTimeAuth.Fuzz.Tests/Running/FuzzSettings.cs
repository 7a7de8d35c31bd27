using System.Globalization;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>
/// How much to fuzz, from the environment. By default every target runs a short count (seconds, for CI);
/// <c>RTA_FUZZ_SCALE=full</c> runs the counts issue #16 asks for. <c>RTA_FUZZ_SEED</c> replays a CsCheck seed
/// printed by a failure; <c>RTA_FUZZ_CASE_MS</c> changes the time bound of one input (default 500 ms);
/// <c>RTA_FUZZ_SECONDS</c> stops each target after that many seconds.
/// </summary>
internal static class FuzzSettings
{
    public const string ScaleVariable = "RTA_FUZZ_SCALE";
    public const string SeedVariable = "RTA_FUZZ_SEED";
    public const string CaseLimitVariable = "RTA_FUZZ_CASE_MS";
    public const string BudgetVariable = "RTA_FUZZ_SECONDS";

    public static bool Full { get; } = string.Equals(Environment.GetEnvironmentVariable(ScaleVariable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>The CsCheck seed to start from; null lets CsCheck pick one (and print it on failure).</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed ? seed : null;

    /// <summary>One input taking longer than this (twice in a row) fails the property: "no hang".</summary>
    public static TimeSpan CaseLimit { get; } = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable(CaseLimitVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 500);

    /// <summary>
    /// When set, each target stops after this many seconds even short of its count, and reports how many inputs it ran:
    /// for a machine too busy to finish the full counts in the time there is.
    /// </summary>
    public static int? Budget { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(BudgetVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : null;

    /// <summary>The bound of one HTTP request (a real server, database and all, on a loaded machine).</summary>
    public static TimeSpan HttpCaseLimit { get; } = TimeSpan.FromSeconds(5);

    /// <summary>An input still running after this is reported as a hang while the run goes on.</summary>
    public static TimeSpan HangLimit { get; } = TimeSpan.FromSeconds(10);

    public static long Iterations(long quick, long full) => Full ? full : quick;
}
