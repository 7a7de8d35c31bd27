namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>faults</c> command.</summary>
/// <param name="Scenarios">Scenarios to run, in order: <c>redis</c>, <c>postgres</c>, <c>replica</c>, <c>slow</c>.</param>
/// <param name="Agents">Connected agents of the storm (redis, slow) or of the killed replica (replica).</param>
/// <param name="OutageSeconds">How long Redis or PostgreSQL stays down.</param>
/// <param name="Out">CSV path; each scenario writes <c>BASE-SCENARIO.csv</c>, its events and its timeline chart beside it.</param>
internal sealed record FaultsSettings(IReadOnlyList<string> Scenarios, int Agents, int OutageSeconds, string Out)
{
    public static readonly IReadOnlyList<string> AllScenarios = ["redis", "postgres", "replica", "slow"];

    public static FaultsSettings From(CommandLine line)
    {
        var scenarios = line.Text("scenario") is { } text
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : AllScenarios;
        if (scenarios.Count == 0 || scenarios.FirstOrDefault(name => !AllScenarios.Contains(name)) is { } unknown)
        {
            throw new UsageException($"--scenario takes {string.Join(", ", AllScenarios)} separated by commas, got '{line.Text("scenario")}'.");
        }

        return new FaultsSettings(
            [.. scenarios.Distinct(StringComparer.Ordinal)],
            line.Int("agents", 1000, 1, 5_000),
            line.Int("outage-seconds", 10, 1, 60),
            OutputPath.Resolve(line.Text("out"), line.Command));
    }
}
