using RealTimeAuth.LoadDriver.Cli;

namespace RealTimeAuth.LoadDriver.Tests.Cli;

public sealed class FaultsSettingsTests
{
    [Fact]
    public void Defaults_run_every_scenario_at_the_issue_s_scale()
    {
        var line = CommandLine.Parse(["faults"]);

        var settings = FaultsSettings.From(line);
        line.EnsureAllRead();

        Assert.Equal(["redis", "postgres", "replica", "slow"], settings.Scenarios);
        Assert.Equal((1000, 10), (settings.Agents, settings.OutageSeconds));
    }

    [Fact]
    public void Scenarios_are_read_in_the_order_given_once_each()
    {
        var settings = FaultsSettings.From(CommandLine.Parse(["faults", "--scenario", "slow, redis,slow"]));

        Assert.Equal(["slow", "redis"], settings.Scenarios);
    }

    [Fact]
    public void An_unknown_scenario_fails_the_run()
    {
        var refusal = Assert.Throws<UsageException>(() => FaultsSettings.From(CommandLine.Parse(["faults", "--scenario", "redis,disk"])));

        Assert.Contains("--scenario", refusal.Message, StringComparison.Ordinal);
    }
}
