using RealTimeAuth.LoadDriver.Cli;

namespace RealTimeAuth.LoadDriver.Tests.Cli;

public sealed class SettingsTests
{
    [Fact]
    public void Soak_defaults_are_the_issue_s_run()
    {
        var line = CommandLine.Parse(["soak"]);

        var settings = SoakSettings.From(line);
        line.EnsureAllRead();

        Assert.Equal((1000, 500, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(1)), (settings.Agents, settings.DecisionsPerSecond, settings.Duration, settings.RevokeEvery));
    }

    [Fact]
    public void Soak_refuses_a_warm_up_as_long_as_the_run()
    {
        var line = CommandLine.Parse(["soak", "--minutes", "2", "--warmup-seconds", "120"]);

        var refusal = Assert.Throws<UsageException>(() => SoakSettings.From(line));

        Assert.Contains("--warmup-seconds", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storm_reads_its_options_and_a_typo_fails_the_run()
    {
        var line = CommandLine.Parse(["storm", "--agents", "10000", "--storms", "20", "--strom", "1"]);

        var settings = StormSettings.From(line);

        Assert.Equal((10_000, 20), (settings.Agents, settings.Storms));
        Assert.Throws<UsageException>(line.EnsureAllRead);
    }
}
