using RealTimeAuth.LoadDriver.Faults;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Tests.Reporting;

namespace RealTimeAuth.LoadDriver.Tests.Faults;

public sealed class FaultReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rta-faults-").FullName;

    [Fact]
    public void Figure_key_is_the_name_in_snake_case()
    {
        Assert.Equal("kill_every_agent_revoked_sdk_revoked", new FaultFigure("kill → every agent revoked (SDK Revoked)", 1, "ms").Key);
        Assert.Equal("replica_maxstaleness", new FaultFigure("Replica:MaxStaleness", 1, "ms").Key);
    }

    [Fact]
    public void One_unmet_check_fails_the_report_and_the_table_says_which()
    {
        var report = Sample();
        report.Check("no exchange answered 500", met: false, "2 answered 500");

        var printed = new StringWriter();
        report.Print(printed, Path.Combine(_folder, "run.csv"));

        Assert.False(report.AllMet);
        Assert.Contains("- MET: zero revocations lost — 0 lost", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("- NOT MET: no exchange answered 500 — 2 answered 500", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("| kill → first decision refused | never | ms |", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_writes_the_figures_the_events_in_order_and_the_timeline_chart()
    {
        var csv = Path.Combine(_folder, "run.csv");

        await Sample().SaveAsync(csv, "machine", CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "run-redis.csv"));
        Assert.Equal("command,agents,concurrency,metric,statistic,value,unit", lines[0]);
        Assert.Contains("faults,1000,,redis,kill_first_exchange_refused,791.25,ms", lines);
        Assert.Contains("faults,1000,,redis,check_zero_revocations_lost,1,met", lines);
        var events = await File.ReadAllLinesAsync(Path.Combine(_folder, "run-redis-events.csv"));
        Assert.Equal(["at_ms,series", "900,decision allowed", "1000,mark: Redis gone", "1200,decision allowed", "1791.25,exchange 503 temporarily_unavailable"], events[..5]);
        Assert.Equal((ChartFrame.Width, ChartFrame.Height), PngFile.Size(Path.Combine(_folder, "run-redis-timeline.png")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FaultReport Sample()
    {
        var timeline = new FaultTimeline();
        timeline.MarkAt("Redis gone", 1_000);
        timeline.MarkAt("Redis restarted", 5_000);
        foreach (var at in new[] { 900.0, 1_200, 1_800, 5_500 })
        {
            timeline.RecordAt(at, FaultSeries.DecisionAllowed);
        }

        timeline.RecordAt(1_791.25, FaultSeries.Exchange(503, "temporarily_unavailable"));
        timeline.RecordAt(5_600, FaultSeries.ExchangeAccepted);
        timeline.RecordAt(2_000, FaultSeries.RevocationDelivered);

        var report = new FaultReport("redis", "Redis killed", 1000, timeline);
        report.Figure("kill → first exchange refused", FaultWindow.Since(1_000, FaultWindow.First(timeline.Events, FaultSeries.IsExchangeRefused, 1_000)), "ms");
        report.Figure("kill → first decision refused", FaultWindow.Since(1_000, FaultWindow.First(timeline.Events, FaultSeries.IsDecisionRefused, 1_000)), "ms");
        report.Check("zero revocations lost", met: true, "0 lost");
        report.Window("Redis down", 1_000, 5_000);
        report.Line(new FaultLine("decisions allowed", s => s == FaultSeries.DecisionAllowed));
        report.Line(new FaultLine("revocations delivered", s => s == FaultSeries.RevocationDelivered, RightAxis: true));
        return report;
    }
}
