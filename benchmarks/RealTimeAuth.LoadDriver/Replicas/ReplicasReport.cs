using System.Globalization;
using System.Text;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>The replicas run as Markdown tables on standard output, a long CSV at <c>--out</c>, the raw samples and a chart beside it.</summary>
internal sealed class ReplicasReport(ReplicasSettings settings, string machine, IReadOnlyList<ReplicaSample> samples, IReadOnlyList<ReplicaStormSample> storms)
{
    private const double TargetP99Ms = 25;

    private int Agents => settings.AgentsPerReplica * settings.Replicas;

    private string SamplesPath => Path.ChangeExtension(settings.Out, ".samples.csv");

    private IEnumerable<(string Name, IReadOnlyList<ReplicaSample> Samples)> Groups =>
    [
        ("other replicas", [.. samples.Where(sample => !sample.SameReplica)]),
        ("same replica", [.. samples.Where(sample => sample.SameReplica)]),
    ];

    public void Print(TextWriter output)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{settings.Replicas} replicas, {settings.AgentsPerReplica:N0} agents on each; {samples.Count} revocations issued on replica 0 (after {settings.Warmup} unrecorded), "
            + $"round-robin over the replicas' agents; announcements {(settings.AnnounceEntries ? "carry the entries" : "carry only the sequence (before ADR 0025)")}.");
        text.AppendLine();
        text.AppendLine("Issued (admin call started) → agent's SDK Revoked (t2 − t0), event time → SDK receipt (1 ms resolution), server CPU of all replicas per revocation");
        text.AppendLine();
        text.AppendLine("| agent's stream on | revocations | p50 | p90 | p99 | max | lost | event → SDK p50 | p99 | CPU ms/revocation |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, group) in Groups)
        {
            var (d, commit) = (Latency(group), EventToSdk(group));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {group.Count} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Max:0.0} | {Lost(group)} | {commit.P50:0} | {commit.P99:0} | {Cpu(group):0.0} |"));
        }

        if (storms.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("User-wide storms issued on replica 0: issued → last agent's SDK Revoked, by the replica holding the stream (ms)");
            text.AppendLine();
            text.AppendLine($"| storm | {string.Join(" | ", Enumerable.Range(0, settings.Replicas).Select(replica => $"replica {replica}"))} | missed | server CPU ms |");
            text.AppendLine($"|---:|{string.Concat(Enumerable.Repeat("---:|", settings.Replicas))}---:|---:|");
            foreach (var storm in storms)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {storm.Index + 1} | {string.Join(" | ", storm.LatenciesByReplica.Select(latencies => latencies.Count == 0 ? "-" : latencies.Max().ToString("0", CultureInfo.InvariantCulture)))} | {storm.Missed} | {storm.Cpu.TotalMilliseconds:0} |"));
            }
        }

        text.AppendLine();
        text.AppendLine(Verdict());
        text.AppendLine(CultureInfo.InvariantCulture, $"CSV: {settings.Out}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Samples: {SamplesPath}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Chart: {ChartPath.Distribution(settings.Out)}");
        output.Write(text.ToString());
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("replicas");
        foreach (var (name, group) in Groups)
        {
            var metric = name.Replace(' ', '_');
            csv.AddDistribution(Agents, null, $"issued_to_revoked_{metric}", Latency(group), "ms");
            csv.AddDistribution(Agents, null, $"event_time_to_sdk_{metric}", EventToSdk(group), "ms");
            csv.Add(Agents, null, $"issued_to_revoked_{metric}", "lost", Lost(group), "samples");
            csv.Add(Agents, null, $"server_cpu_{metric}", "mean", Cpu(group), "ms");
        }

        foreach (var storm in storms)
        {
            for (var replica = 0; replica < storm.LatenciesByReplica.Count; replica++)
            {
                csv.AddDistribution(Agents, null, $"storm_{storm.Index + 1}_replica_{replica}", Distribution.Of(storm.LatenciesByReplica[replica]), "ms");
            }

            csv.Add(Agents, null, $"storm_{storm.Index + 1}", "missed", storm.Missed, "agents");
            csv.Add(Agents, null, $"storm_{storm.Index + 1}", "server_cpu", storm.Cpu.TotalMilliseconds, "ms");
        }

        await csv.SaveAsync(settings.Out, cancellationToken);
        var lines = new StringBuilder("index,replica,same_replica,call_ms,issued_to_revoked_ms,event_time_to_sdk_ms,on_stream,server_cpu_ms\n");
        foreach (var sample in samples)
        {
            var revocation = sample.Revocation;
            lines.Append(CultureInfo.InvariantCulture,
                $"{revocation.Index},{sample.Replica},{sample.SameReplica},{revocation.CallMs:0.###},{revocation.AfterStartMs:0.###},{revocation.CommitToEventMs:0.###},{revocation.OnStream},{sample.Cpu.TotalMilliseconds:0.#}\n");
        }

        await File.WriteAllTextAsync(SamplesPath, lines.ToString(), cancellationToken);
        var title = $"Revocation issued on replica 0 → agent's SDK Revoked, {settings.Replicas} replicas × {settings.AgentsPerReplica:N0} agents";
        PercentileChart.Save(ChartPath.Distribution(settings.Out), title, ChartCaption.Footer(machine),
            [.. Groups.Select(group => new LatencySeries($"stream on {group.Name} ({group.Samples.Count})", [.. Delivered(group.Samples)]))]);
    }

    private string Verdict()
    {
        var other = Groups.First().Samples;
        var p99 = Latency(other).P99;
        var met = p99 <= TargetP99Ms && Lost(other) == 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"Target (p99 issued → Revoked ≤ {TargetP99Ms:0} ms on the other replicas at 1,000 agents per replica): {(met ? "MET" : "MISSED")}, p99 = {p99:0.0} ms"
            + $" with {settings.AgentsPerReplica:N0} per replica.");
    }

    private static IEnumerable<double> Delivered(IReadOnlyList<ReplicaSample> group) =>
        group.Select(sample => sample.Revocation.AfterStartMs).OfType<double>();

    private static Distribution Latency(IReadOnlyList<ReplicaSample> group) => Distribution.Of(Delivered(group));

    private static Distribution EventToSdk(IReadOnlyList<ReplicaSample> group) =>
        Distribution.Of(group.Select(sample => sample.Revocation.CommitToEventMs).OfType<double>());

    private static int Lost(IReadOnlyList<ReplicaSample> group) => group.Count(sample => sample.Revocation.Raised is null);

    private static double Cpu(IReadOnlyList<ReplicaSample> group) =>
        group.Count == 0 ? double.NaN : group.Average(sample => sample.Cpu.TotalMilliseconds);
}
