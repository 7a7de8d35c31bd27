using System.Globalization;
using System.Text;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// One scenario's result: a table of figures and checks on standard output, the figures as the driver's long CSV
/// (<c>BASE-SCENARIO.csv</c>), every event (<c>BASE-SCENARIO-events.csv</c>) and a timeline chart
/// (<c>BASE-SCENARIO-timeline.png</c>) with the fault window shaded.
/// </summary>
internal sealed class FaultReport(string scenario, string title, int agents, FaultTimeline timeline)
{
    private const double BinMs = 500;

    private readonly List<FaultFigure> _figures = [];
    private readonly List<FaultCheck> _checks = [];
    private readonly List<(string Label, double FromMs, double ToMs)> _windows = [];
    private readonly List<FaultLine> _lines = [];
    private readonly List<string> _notes = [];

    public string Scenario => scenario;

    public IReadOnlyList<FaultFigure> Figures => _figures;

    public IReadOnlyList<FaultCheck> Checks => _checks;

    public bool AllMet => _checks.TrueForAll(check => check.Met);

    public void Figure(string name, double value, string unit) => _figures.Add(new FaultFigure(name, value, unit));

    public void Check(string requirement, bool met, string observed) => _checks.Add(new FaultCheck(requirement, met, observed));

    public void Window(string label, double fromMs, double toMs) => _windows.Add((label, fromMs, toMs));

    public void Line(FaultLine line) => _lines.Add(line);

    public void Note(string text) => _notes.Add(text);

    public static string BasePath(string csv, string scenario) => Path.ChangeExtension(csv, null) + "-" + scenario;

    public void Print(TextWriter output, string csv)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        text.AppendLine();
        text.AppendLine("| figure | value | unit |");
        text.AppendLine("|---|---:|---|");
        foreach (var figure in _figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Name} | {Format(figure.Value)} | {figure.Unit} |");
        }

        text.AppendLine();
        foreach (var check in _checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(check.Met ? "MET" : "NOT MET")}: {check.Requirement} — {check.Observed}");
        }

        foreach (var note in _notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        var basePath = BasePath(csv, scenario);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"CSV: {basePath}.csv; events: {basePath}-events.csv; chart: {basePath}-timeline.png");
        text.AppendLine();
        output.Write(text.ToString());
    }

    public async Task SaveAsync(string csvPath, string machine, CancellationToken cancellationToken)
    {
        var basePath = BasePath(csvPath, scenario);
        var csv = new CsvWriter("faults");
        foreach (var figure in _figures)
        {
            csv.Add(agents, null, scenario, figure.Key, figure.Value, figure.Unit);
        }

        foreach (var check in _checks)
        {
            csv.Add(agents, null, scenario, "check_" + new FaultFigure(check.Requirement, 0, string.Empty).Key, check.Met ? 1 : 0, "met");
        }

        await csv.SaveAsync(basePath + ".csv", cancellationToken);

        var events = timeline.Events;
        var rows = new StringBuilder("at_ms,series\n");
        foreach (var e in events.Concat(timeline.Marks.Select(mark => new FaultEvent(mark.Value, "mark: " + mark.Key))).OrderBy(e => e.AtMs))
        {
            rows.Append(CultureInfo.InvariantCulture, $"{e.AtMs:0.###},{e.Series}\n");
        }

        await File.WriteAllTextAsync(basePath + "-events.csv", rows.ToString(), cancellationToken);

        // The chart starts a second before the first outcome of the load: setting up processes and agents is not part of it.
        var first = events.Where(e => !e.Series.StartsWith(FaultSeries.StatePrefix, StringComparison.Ordinal)).Select(e => e.AtMs).DefaultIfEmpty(0).Min();
        var origin = Math.Max(0, Math.Floor((first / 1000) - 1) * 1000);
        var (starts, counts) = FaultWindow.Bins(events, BinMs, origin);
        var perSecond = 1000 / BinMs;
        var lines = _lines.Select(line => new FaultTimelineChart.Line(
                line.Label,
                [.. Enumerable.Range(0, starts.Length).Select(bin => counts.Where(series => line.Matches(series.Key)).Sum(series => series.Value[bin]) * perSecond)],
                line.RightAxis))
            .ToList();
        FaultTimelineChart.Save(
            basePath + "-timeline.png",
            title,
            ChartCaption.Footer(machine),
            [.. starts.Select(ms => ms / 1000)],
            lines,
            [.. _windows.Select(window => (window.Label, (window.FromMs - origin) / 1000, (window.ToMs - origin) / 1000))],
            [.. timeline.Marks.OrderBy(mark => mark.Value).Select(mark => (mark.Key, (mark.Value - origin) / 1000))]);
    }

    private static string Format(double value) => double.IsNaN(value) ? "never" : value.ToString("#,0.#", CultureInfo.InvariantCulture);
}
