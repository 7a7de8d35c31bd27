using System.Globalization;
using System.Text;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Storm;

/// <summary>The storm run as a table on standard output, a long CSV at <c>--out</c>, per-storm samples and a chart beside it.</summary>
internal sealed class StormReport(StormSettings settings, string machine, IReadOnlyList<StormSample> storms, ServerMemory before, ServerMemory after)
{
    // Issue #16: a user-wide revocation of 10,000 agents reaches the last agent within 250 ms (p99 over >= 20
    // storms); memory per connected agent <= 24 KB; no stream dropped.
    private const double TargetLastP99Ms = 250;
    private const int TargetAgents = 10_000;
    private const int TargetStorms = 20;
    private const double TargetKbPerAgent = 24;

    public Distribution Last => Distribution.Of(storms.Select(storm => storm.LastMs).Where(double.IsFinite));

    public Distribution First => Distribution.Of(storms.Select(storm => storm.FirstMs).Where(double.IsFinite));

    public Distribution Call => Distribution.Of(storms.Select(storm => storm.CallMs));

    public Distribution Connect => Distribution.Of(storms.Select(storm => storm.ConnectMs));

    public int Missed => storms.Sum(storm => storm.Missed);

    public int Drops => storms.Sum(storm => storm.Drops);

    public double GcHeapPerAgent => (double)(after.GcHeapBytes - before.GcHeapBytes) / settings.Agents;

    public double WorkingSetPerAgent => (double)(after.WorkingSetBytes - before.WorkingSetBytes) / settings.Agents;

    private string SamplesPath => Path.ChangeExtension(settings.Out, ".samples.csv");

    public void Print(TextWriter output)
    {
        var (last, first, call, connect) = (Last, First, Call, Connect);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{storms.Count} user-wide revocations (after {settings.Warmup} unrecorded), each of {settings.Agents:N0} connected agents and their co-pilots; "
            + $"{settings.StreamsPerConnection} streams per gRPC channel.");
        text.AppendLine();
        text.AppendLine("| issued → | p50 | p90 | p99 | max |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        Row(text, "last agent (ms)", last);
        Row(text, "first agent (ms)", first);
        Row(text, "admin call returned (ms)", call);
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Connecting {settings.Agents:N0} agents: p50 {connect.P50 / 1000:0.0} s ({settings.Agents / (connect.P50 / 1000):0} agents/s), max {connect.Max / 1000:0.0} s."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Server memory per connected agent (after full compacting collections): GC heap {GcHeapPerAgent / 1024:0.0} KB, working set {WorkingSetPerAgent / 1024:0.0} KB "
            + $"({Mb(before.WorkingSetBytes)} → {Mb(after.WorkingSetBytes)} MB working set)."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Agents that missed their revocation: {Missed}; stream drops before the revocations: {Drops}; connects retried after temporarily_unavailable: {storms.Sum(storm => storm.ExchangeRetries)}."));
        text.AppendLine();
        text.AppendLine(Verdict());
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CSV: {settings.Out}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Samples: {SamplesPath}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Chart: {ChartPath.Distribution(settings.Out)}"));
        output.Write(text.ToString());
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("storm");
        csv.AddDistribution(settings.Agents, null, "issued_to_last_agent", Last, "ms");
        csv.AddDistribution(settings.Agents, null, "issued_to_first_agent", First, "ms");
        csv.AddDistribution(settings.Agents, null, "revoke_user_call", Call, "ms");
        csv.AddDistribution(settings.Agents, null, "connect", Connect, "ms");
        csv.Add(settings.Agents, null, "agents", "missed", Missed, "agents");
        csv.Add(settings.Agents, null, "stream_drops", "count", Drops, "events");
        csv.Add(settings.Agents, null, "exchange_retries", "count", storms.Sum(storm => storm.ExchangeRetries), "exchanges");
        csv.Add(settings.Agents, null, "server_gc_heap", "per_agent", GcHeapPerAgent, "bytes");
        csv.Add(settings.Agents, null, "server_working_set", "per_agent", WorkingSetPerAgent, "bytes");
        csv.Add(settings.Agents, null, "server_working_set", "before", before.WorkingSetBytes, "bytes");
        csv.Add(settings.Agents, null, "server_working_set", "after", after.WorkingSetBytes, "bytes");
        await csv.SaveAsync(settings.Out, cancellationToken);

        var samples = new StringBuilder("storm,agents_revoked,missed,sessions_revoked,call_ms,first_ms,last_ms,connect_ms,stream_drops,exchange_retries\n");
        foreach (var storm in storms)
        {
            samples.Append(CultureInfo.InvariantCulture,
                $"{storm.Index},{storm.LatenciesMs.Count},{storm.Missed},{storm.RevokedSessions},{storm.CallMs:0.###},{storm.FirstMs:0.###},{storm.LastMs:0.###},{storm.ConnectMs:0.###},{storm.Drops},{storm.ExchangeRetries}\n");
        }

        await File.WriteAllTextAsync(SamplesPath, samples.ToString(), cancellationToken);
        PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            $"User-wide revocation of {settings.Agents:N0} agents: admin call issued → SDK Revoked",
            ChartCaption.Footer(machine),
            [
                new LatencySeries($"last agent of each storm ({storms.Count} storms)", [.. storms.Select(storm => storm.LastMs).Where(double.IsFinite)]),
                new LatencySeries($"first agent of each storm", [.. storms.Select(storm => storm.FirstMs).Where(double.IsFinite)]),
                new LatencySeries($"every agent ({storms.Sum(storm => storm.LatenciesMs.Count):N0})", [.. storms.SelectMany(storm => storm.LatenciesMs)]),
            ]);
    }

    private string Verdict()
    {
        var scale = settings.Agents >= TargetAgents && storms.Count >= TargetStorms
            ? "at the target's scale"
            : string.Create(CultureInfo.InvariantCulture, $"NOT at the target's scale ({TargetAgents:N0} agents, ≥ {TargetStorms} storms), so indicative only");
        var latencyMet = Last.P99 <= TargetLastP99Ms && Missed == 0;
        var memoryMet = WorkingSetPerAgent / 1024 <= TargetKbPerAgent;
        return string.Create(CultureInfo.InvariantCulture,
            $"Targets, {scale}: last agent p99 ≤ {TargetLastP99Ms:0} ms {(latencyMet ? "MET" : "MISSED")} ({Last.P99:0.0} ms, {Missed} missed); "
            + $"working set per agent ≤ {TargetKbPerAgent:0} KB {(memoryMet ? "MET" : "MISSED")} ({WorkingSetPerAgent / 1024:0.0} KB); "
            + $"no stream dropped {(Drops == 0 ? "MET" : "MISSED")} ({Drops}).");
    }

    private static void Row(StringBuilder text, string name, Distribution d) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Max:0.0} |"));

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
