using System.Diagnostics;
using System.Globalization;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.LoadDriver.Authorize;

/// <summary>
/// Decisions over the live channel with many agents connected: N delegated agents open their streams through the SDK,
/// then C workers call <see cref="RtaClient.AuthorizeAsync"/> (<c>read</c> on a <c>records</c> resource, which the agents'
/// scope allows) round-robin over the agents for a fixed window. This is the agent's hot path: token validation, the
/// session lookup, the policy decision and the audit, over gRPC on the agents' shared HTTP/2 connections.
/// </summary>
internal static class AuthorizeBenchmark
{
    private const string Action = "read";
    private const string ResourceType = "records";

    public static async Task RunAsync(AuthorizeSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken);
        await using var pool = new AgentPool(environment, settings.StreamsPerConnection - 1);
        Progress.Write($"Connecting {settings.Agents} agents…");
        await pool.EnsureCapacityAsync(settings.Agents, cancellationToken);
        var agents = await pool.ConnectManyAsync(settings.Agents, cancellationToken);
        var clients = agents.Select(agent => agent.Client).ToArray();

        if (settings.Warmup > TimeSpan.Zero)
        {
            Progress.Write($"Warm-up: {settings.Warmup.TotalSeconds:0} s with {settings.Concurrency} workers, not recorded.");
            await RunWindowAsync(environment, clients, settings.Concurrency, settings.Warmup, cancellationToken);
        }

        Progress.Write($"Measuring: {settings.Duration.TotalSeconds:0} s with {settings.Concurrency} workers over {clients.Length} agents…");
        var window = await RunWindowAsync(environment, clients, settings.Concurrency, settings.Duration, cancellationToken);
        var machine = start.Describe(MachineInfo.Capture());
        Print(Console.Out, settings, machine, window);
        await SaveAsync(settings, window, cancellationToken);
        var chart = PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            "Decision latency over the live channel (SDK AuthorizeAsync, gRPC)",
            ChartCaption.Footer(machine),
            [new LatencySeries($"{settings.Agents:N0} agents, {window.Concurrency} workers, {window.PerSecond:0} decisions/s", window.LatenciesMs)]);
        Console.Out.WriteLine($"Chart: {chart}");
        foreach (var agent in agents)
        {
            await AgentShard.CloseAsync(agent);
        }
    }

    private static async Task<AuthorizeWindow> RunWindowAsync(
        LoadEnvironment environment, RtaClient[] clients, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = environment.Server.ProcessorTime;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency)
            .Select(worker => Task.Run(() => WorkAsync(clients, worker, concurrency, end, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers);
        return new AuthorizeWindow(
            concurrency,
            duration,
            results.SelectMany(result => result.Latencies).ToList(),
            results.Sum(result => result.Errors),
            results.Select(result => result.FirstError).FirstOrDefault(error => error is not null),
            environment.Server.ProcessorTime - cpuBefore);
    }

    private static async Task<(List<double> Latencies, int Errors, string? FirstError)> WorkAsync(
        RtaClient[] clients, int worker, int concurrency, long end, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        for (var next = worker % clients.Length; Stopwatch.GetTimestamp() < end; next = (next + concurrency) % clients.Length)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                var result = await clients[next].AuthorizeAsync(Action, ResourceType, $"record-{next}", cancellationToken: cancellationToken);
                var answered = Stopwatch.GetTimestamp();
                if (answered > end)
                {
                    break;
                }

                if (result.DecidedLocally)
                {
                    errors++;
                    firstError ??= $"decided without the server: {result.Reason}";
                }
                else
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                errors++;
                firstError ??= $"{exception.GetType().Name}: {exception.Message}";
            }
        }

        return (latencies, errors, firstError);
    }

    private static void Print(TextWriter output, AuthorizeSettings settings, string machine, AuthorizeWindow window)
    {
        var d = window.Latency;
        output.WriteLine($"Machine: {machine}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Authorize over the live channel (gRPC), {settings.Agents} connected agents, {settings.Concurrency} workers, {settings.Duration.TotalSeconds:0} s after {settings.Warmup.TotalSeconds:0} s unrecorded."));
        output.WriteLine();
        output.WriteLine("| agents | workers | decisions | decisions/s | errors | p50 ms | p90 ms | p99 ms | max ms | server CPU per decision |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {settings.Agents:N0} | {window.Concurrency} | {d.Count:N0} | {window.PerSecond:0} | {window.Errors} | {d.P50:0.00} | {d.P90:0.00} | {d.P99:0.00} | {d.Max:0.00} | {window.ServerCpuMsPerDecision:0.000} ms |"));
        if (window.FirstError is not null)
        {
            output.WriteLine($"First error: {window.FirstError}");
        }

        output.WriteLine();
        output.WriteLine($"CSV: {settings.Out}");
    }

    private static async Task SaveAsync(AuthorizeSettings settings, AuthorizeWindow window, CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("authorize");
        csv.Add(settings.Agents, window.Concurrency, "decisions", "per_second", window.PerSecond, "decisions/s");
        csv.Add(settings.Agents, window.Concurrency, "decisions", "errors", window.Errors, "calls");
        csv.Add(settings.Agents, window.Concurrency, "decisions", "window", window.Duration.TotalSeconds, "s");
        csv.AddDistribution(settings.Agents, window.Concurrency, "authorize_latency", window.Latency, "ms");
        csv.Add(settings.Agents, window.Concurrency, "server_cpu", "per_decision", window.ServerCpuMsPerDecision, "ms");
        await csv.SaveAsync(settings.Out, cancellationToken);
    }
}
