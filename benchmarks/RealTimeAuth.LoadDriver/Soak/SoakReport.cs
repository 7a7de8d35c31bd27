using System.Globalization;
using System.Text;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;

namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>The soak as text on standard output, a long CSV at <c>--out</c>, its time series beside it, and two charts.</summary>
internal sealed class SoakReport(
    SoakSettings settings,
    string machine,
    IReadOnlyList<SoakSample> samples,
    IReadOnlyList<SoakRevocation> revocations,
    DecisionLoad decisions,
    StreamDrops drops,
    (IReadOnlyList<ServerLogEntry> Counted, IReadOnlyList<ServerLogEntry> Ignored) log,
    IReadOnlyList<TimeSpan> refusedConnects)
{
    private const double Megabyte = 1024 * 1024;

    public int Missed => revocations.Count(revocation => revocation.PushMs is null);

    /// <summary>Every revocation reached its agent and the server logged nothing at Warning or above but the known-harmless.</summary>
    public bool Passed => Missed == 0 && log.Counted.Count == 0;

    public Distribution Push => Distribution.Of(revocations.Where(r => r.PushMs is not null).Select(r => r.PushMs!.Value));

    private IReadOnlyList<SoakSample> AfterWarmup => [.. samples.Where(sample => sample.Elapsed >= settings.Warmup)];

    /// <summary>KB per minute, least squares over the samples after the warm-up.</summary>
    public double Slope(Func<SoakSample, long> bytes, IEnumerable<SoakSample>? among = null) =>
        LeastSquares.Slope([.. (among ?? AfterWarmup).Select(sample => (sample.Elapsed.TotalMinutes, bytes(sample) / 1024.0))]);

    public void Print(TextWriter output)
    {
        var push = Push;
        var decided = Distribution.Of(decisions.LatenciesMs);
        var afterGen2 = AfterWarmup.DistinctBy(sample => sample.Gen2Collections).Where(sample => sample.Gen2Collections > 0).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Soak: {settings.Agents:N0} agents, {settings.Duration.TotalMinutes:0.#} min, decisions at {settings.DecisionsPerSecond}/s, a revocation every {settings.RevokeEvery.TotalMilliseconds:0} ms; "
            + $"memory sampled every {settings.SampleEvery.TotalSeconds:0} s without forcing collections; slopes after a {settings.Warmup.TotalSeconds:0} s warm-up.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Revocations: {revocations.Count}, missed {Missed}; issued → SDK Revoked p50 {push.P50:0.0} ms, p99 {push.P99:0.0} ms, max {push.Max:0.0} ms."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Decisions: {decisions.Answered:N0} answered ({decisions.Answered / settings.Duration.TotalSeconds:0}/s), p50 {decided.P50:0.0} ms, p99 {decided.P99:0.0} ms, max {decided.Max:0.0} ms; "
            + $"{decisions.Raced} raced a revocation of their agent; errors {decisions.Errors.Values.Sum()}{Errors()}."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory slope after warm-up ({AfterWarmup.Count} samples): working set {Slope(s => s.WorkingSetBytes):0.0} KB/min, GC heap {Slope(s => s.GcHeapBytes):0.0} KB/min, "
            + $"heap after gen2 {Slope(s => s.HeapAfterGen2Bytes, afterGen2):0.0} KB/min ({afterGen2.Count} distinct gen2 collections)."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Stream drops: {drops.Count}{(drops.Count > 0 ? $" ({string.Join("; ", drops.Causes)})" : string.Empty)}."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Server log entries at Warning or above: {log.Counted.Count}"));
        foreach (var group in log.Counted.GroupBy(entry => entry.Key).OrderByDescending(group => group.Count()))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count()}× {group.Key}: {group.First().Text.ReplaceLineEndings(" ")}"));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Ignored as known-harmless: {log.Ignored.Count}"));
        foreach (var (rule, _) in ServerLogTally.Ignored)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {log.Ignored.Count(entry => ServerLogTally.Ignored.First(r => r.Rule == rule).Matches(entry))}× {rule}"));
        }

        text.AppendLine(refusedConnects.Count == 0
            ? "Replacement agents refused (server not current, after every retry): none."
            : string.Create(CultureInfo.InvariantCulture,
                $"Replacement agents refused (server not current, after every retry): {refusedConnects.Count}, at {string.Join(", ", refusedConnects.Select(at => $"{at.TotalMinutes:0.0} min"))}; each slot was filled on a later try."));
        text.AppendLine();
        text.AppendLine(Passed ? "PASSED: every revocation delivered, no warning or error logged." : "FAILED: see the missed revocations and log entries above.");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CSV: {settings.Out}; series: {SeriesPath}, {RevocationsPath}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Charts: {ChartPath.Timeline(settings.Out)}, {ChartPath.Distribution(settings.Out)}"));
        output.Write(text.ToString());
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("soak");
        csv.Add(settings.Agents, null, "revocations", "count", revocations.Count, "revocations");
        csv.Add(settings.Agents, null, "revocations", "missed", Missed, "revocations");
        csv.AddDistribution(settings.Agents, null, "revocation_issued_to_sdk", Push, "ms");
        csv.Add(settings.Agents, null, "decisions", "answered", decisions.Answered, "decisions");
        csv.Add(settings.Agents, null, "decisions", "errors", decisions.Errors.Values.Sum(), "decisions");
        csv.Add(settings.Agents, null, "decisions", "raced_revocation", decisions.Raced, "decisions");
        csv.AddDistribution(settings.Agents, null, "decision_latency", Distribution.Of(decisions.LatenciesMs), "ms");
        csv.Add(settings.Agents, null, "server_working_set", "slope_after_warmup", Slope(s => s.WorkingSetBytes), "KB/min");
        csv.Add(settings.Agents, null, "server_gc_heap", "slope_after_warmup", Slope(s => s.GcHeapBytes), "KB/min");
        csv.Add(settings.Agents, null, "stream_drops", "count", drops.Count, "events");
        csv.Add(settings.Agents, null, "server_log", "warning_or_above", log.Counted.Count, "entries");
        csv.Add(settings.Agents, null, "server_log", "ignored", log.Ignored.Count, "entries");
        await csv.SaveAsync(settings.Out, cancellationToken);

        var series = new StringBuilder("elapsed_s,working_set_bytes,gc_heap_bytes,heap_after_gen2_bytes,gen2_collections,decisions\n");
        foreach (var s in samples)
        {
            series.Append(CultureInfo.InvariantCulture, $"{s.Elapsed.TotalSeconds:0.###},{s.WorkingSetBytes},{s.GcHeapBytes},{s.HeapAfterGen2Bytes},{s.Gen2Collections},{s.Decisions}\n");
        }

        await File.WriteAllTextAsync(SeriesPath, series.ToString(), cancellationToken);
        var revoked = new StringBuilder("issued_s,call_ms,issued_to_sdk_ms\n");
        foreach (var r in revocations)
        {
            revoked.Append(CultureInfo.InvariantCulture, $"{r.Elapsed.TotalSeconds:0.###},{r.CallMs:0.###},{r.PushMs:0.###}\n");
        }

        await File.WriteAllTextAsync(RevocationsPath, revoked.ToString(), cancellationToken);
        SaveCharts();
    }

    private string SeriesPath => Path.ChangeExtension(settings.Out, ".memory.csv");

    private string RevocationsPath => Path.ChangeExtension(settings.Out, ".revocations.csv");

    private void SaveCharts()
    {
        var footer = ChartCaption.Footer(machine);
        var minutes = samples.Select(sample => sample.Elapsed.TotalMinutes).ToArray();
        var delivered = revocations.Where(r => r.PushMs is not null).ToList();
        TimelineChart.Save(
            ChartPath.Timeline(settings.Out),
            $"Soak: server memory and revocation latency, {settings.Agents:N0} agents, {settings.DecisionsPerSecond} decisions/s",
            footer,
            [
                ("working set", minutes, [.. samples.Select(sample => sample.WorkingSetBytes / Megabyte)]),
                ("GC heap (no forced collection)", minutes, [.. samples.Select(sample => sample.GcHeapBytes / Megabyte)]),
                ("heap after the latest gen2", minutes, [.. samples.Select(sample => sample.HeapAfterGen2Bytes / Megabyte)]),
            ],
            ("revocation issued → SDK Revoked", [.. delivered.Select(r => r.Elapsed.TotalMinutes)], [.. delivered.Select(r => r.PushMs!.Value)]),
            settings.Warmup.TotalMinutes);
        PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            $"Soak latencies, {settings.Agents:N0} agents, {settings.Duration.TotalMinutes:0.#} min",
            footer,
            [
                new LatencySeries($"revocation issued → SDK Revoked ({delivered.Count})", [.. delivered.Select(r => r.PushMs!.Value)]),
                new LatencySeries($"decision over the live channel ({decisions.Answered:N0})", [.. decisions.LatenciesMs]),
            ]);
    }

    private string Errors() => decisions.Errors.Count == 0
        ? string.Empty
        : " (" + string.Join("; ", decisions.Errors.OrderByDescending(pair => pair.Value).Take(3).Select(pair => $"{pair.Value}× {pair.Key}")) + ")";
}
