using System.Globalization;
using System.Text;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>The revocation run as Markdown tables on standard output, a long CSV at <c>--out</c> and the raw samples beside it.</summary>
internal sealed class RevocationReport(RevocationSettings settings, string machine, IReadOnlyList<RevocationPhase> phases)
{
    private const double TargetP99Ms = 50;
    private const int TargetAgents = 1000;
    private const int MinAgentsPerAgentMemory = 100;

    public string SamplesPath => Path.ChangeExtension(settings.Out, ".samples.csv");

    public void Print(TextWriter output)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Revocations per phase: {settings.Revocations} (after {settings.Warmup} unrecorded), each revoked agent replaced before the next; "
            + $"{settings.StreamsPerConnection} streams per gRPC channel (one co-pilot + {settings.StreamsPerConnection - 1} agents).");
        text.AppendLine();
        text.AppendLine("Push after the revoke call returned: t2 − t1, clamped at 0 (ms)");
        text.AppendLine();
        text.AppendLine("| agents | revocations | event before call returned | p50 | p90 | p99 | max | lost | not on stream |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in phases)
        {
            var d = phase.AfterReturn;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {phase.Agents:N0} | {phase.Samples.Count} | {phase.BeforeReturn} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Max:0.0} | {phase.Lost} | {phase.NotOnStream} |"));
        }

        text.AppendLine();
        text.AppendLine("Push after the revoke call started (t2 − t0), the revoke call itself (t1 − t0), and event time to SDK receipt (wall clock, 1 ms resolution), in ms");
        text.AppendLine();
        text.AppendLine("| agents | t2 − t0 p50 | p90 | p99 | max | call p50 | call p90 | call p99 | call max | event → SDK p50 | p99 | max |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in phases)
        {
            var (d, call, commit) = (phase.AfterStart, phase.Call, phase.CommitToEvent);
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {phase.Agents:N0} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Max:0.0} | {call.P50:0.0} | {call.P90:0.0} | {call.P99:0.0} | {call.Max:0.0} "
                + $"| {commit.P50:0} | {commit.P99:0} | {commit.Max:0} |"));
        }

        text.AppendLine();
        text.AppendLine("Server memory from 0 to N connected agents (server process only, after full compacting collections)");
        text.AppendLine();
        text.AppendLine("| agents | channels | connect time | GC heap before → after | per agent | working set before → after | per agent | stream drops |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in phases)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {phase.Agents:N0} | {phase.Channels} | {phase.ConnectTime.TotalSeconds:0.0} s | {Mb(phase.Before.GcHeapBytes)} → {Mb(phase.After.GcHeapBytes)} MB | {PerAgent(phase, phase.GcHeapPerAgent)} "
                + $"| {Mb(phase.Before.WorkingSetBytes)} → {Mb(phase.After.WorkingSetBytes)} MB | {PerAgent(phase, phase.WorkingSetPerAgent)} | {phase.Drops.Count} |"));
        }

        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Per agent is shown from {MinAgentsPerAgentMemory} agents: below that the delta is smaller than the run-to-run noise of the heap (the CSV has it anyway)."));
        foreach (var phase in phases.Where(phase => phase.Drops.Count > 0))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Stream drops with {phase.Agents:N0} agents: {string.Join("; ", phase.Drops.Causes)}"));
        }

        text.AppendLine();
        text.AppendLine(Verdict());
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"CSV: {settings.Out}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Samples: {SamplesPath}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Charts: {ChartPath.Distribution(settings.Out)}{(phases.Count > 1 ? $", {ChartPath.VsAgents(settings.Out)}" : string.Empty)}"));
        output.Write(text.ToString());
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("revocation");
        foreach (var phase in phases)
        {
            csv.AddDistribution(phase.Agents, null, "push_after_return_clamped", phase.AfterReturn, "ms");
            csv.Add(phase.Agents, null, "push_after_return_clamped", "before_return", phase.BeforeReturn, "samples");
            csv.Add(phase.Agents, null, "push_after_return_clamped", "lost", phase.Lost, "samples");
            csv.Add(phase.Agents, null, "push_after_return_clamped", "not_on_stream", phase.NotOnStream, "samples");
            csv.AddDistribution(phase.Agents, null, "push_after_start", phase.AfterStart, "ms");
            csv.AddDistribution(phase.Agents, null, "revoke_call", phase.Call, "ms");
            csv.AddDistribution(phase.Agents, null, "event_time_to_sdk", phase.CommitToEvent, "ms");
            csv.Add(phase.Agents, null, "server_gc_heap", "before", phase.Before.GcHeapBytes, "bytes");
            csv.Add(phase.Agents, null, "server_gc_heap", "after", phase.After.GcHeapBytes, "bytes");
            csv.Add(phase.Agents, null, "server_gc_heap", "per_agent", phase.GcHeapPerAgent, "bytes");
            csv.Add(phase.Agents, null, "server_working_set", "before", phase.Before.WorkingSetBytes, "bytes");
            csv.Add(phase.Agents, null, "server_working_set", "after", phase.After.WorkingSetBytes, "bytes");
            csv.Add(phase.Agents, null, "server_working_set", "per_agent", phase.WorkingSetPerAgent, "bytes");
            csv.Add(phase.Agents, null, "connect", "elapsed", phase.ConnectTime.TotalMilliseconds, "ms");
            csv.Add(phase.Agents, null, "channels", "count", phase.Channels, "channels");
            csv.Add(phase.Agents, null, "stream_drops", "count", phase.Drops.Count, "events");
        }

        await csv.SaveAsync(settings.Out, cancellationToken);

        var samples = new StringBuilder("agents,index,call_ms,push_after_return_ms,push_after_start_ms,event_time_to_sdk_ms,on_stream\n");
        foreach (var sample in phases.SelectMany(phase => phase.Samples))
        {
            samples.Append(CultureInfo.InvariantCulture,
                $"{sample.Agents},{sample.Index},{sample.CallMs:0.###},{sample.AfterReturnMs:0.###},{sample.AfterStartMs:0.###},{sample.CommitToEventMs:0.###},{sample.OnStream}\n");
        }

        await File.WriteAllTextAsync(SamplesPath, samples.ToString(), cancellationToken);
        SaveCharts();
    }

    /// <summary>
    /// The push latency from the admin call's start (t2 − t0) of every phase, and, with several phases, its percentiles
    /// against agents. Not t2 − t1: the push now usually comes before the call returns, so that one is mostly 0.
    /// </summary>
    private void SaveCharts()
    {
        const string Title = "Revocation: admin call issued → agent's SDK Revoked (t2 − t0)";
        var footer = ChartCaption.Footer(machine);
        var series = phases
            .Select(phase => new LatencySeries($"{phase.Agents:N0} agent(s), {phase.Samples.Count} revocations", [.. phase.Delivered.Select(sample => sample.AfterStartMs!.Value)]))
            .ToList();
        PercentileChart.Save(ChartPath.Distribution(settings.Out), Title, footer, series);
        if (phases.Count > 1)
        {
            AgentsChart.Save(ChartPath.VsAgents(settings.Out), Title, footer, [.. phases.Select(phase => (phase.Agents, phase.AfterStart))]);
        }
    }

    private string Verdict()
    {
        if (phases.LastOrDefault(phase => phase.Agents == TargetAgents) is not { } phase)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Target (p99 of t2 − t1 ≤ {TargetP99Ms:0} ms at {TargetAgents:N0} agents): not measured in this run.");
        }

        var p99 = phase.AfterReturn.P99;
        var met = p99 <= TargetP99Ms && phase.Lost == 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Target (p99 of t2 − t1 ≤ {TargetP99Ms:0} ms at {TargetAgents:N0} agents): {(met ? "MET" : "MISSED")}, p99 = {p99:0.0} ms"
            + $"{(phase.Lost > 0 ? $", {phase.Lost} revocation(s) never raised the event" : string.Empty)}.");
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string PerAgent(RevocationPhase phase, double bytes) =>
        phase.Agents < MinAgentsPerAgentMemory ? "—" : (bytes / 1024.0).ToString("0.0 KB", CultureInfo.InvariantCulture);
}
