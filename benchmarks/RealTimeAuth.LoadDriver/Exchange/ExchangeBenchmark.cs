using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Exchange;

/// <summary>
/// Token exchange throughput: C workers each post one child-session exchange at a time to <c>POST /oauth/token</c>
/// (the co-pilot's RTAToken as <c>subject_token</c>, a fresh nonce, the <c>agent</c> client with Basic authentication,
/// a proof by the new agent's key and one by the co-pilot's key, RFC 9449 shape)
/// for a fixed window. Each success creates a delegated session: a row, an event-log entry and a nonce in Redis.
/// No live stream is opened, so this measures the exchange alone.
/// </summary>
internal static class ExchangeBenchmark
{
    private const string Scope = "records:read";

    public static async Task RunAsync(ExchangeSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = environment.Server.BaseAddress,
            Timeout = HostingTimeouts.Request,
        };

        // The co-pilot by a raw exchange, so the workers hold its key and sign each delegation as its parent.
        var copilot = await ExchangeRequests.PostAsync(
            http,
            ExchangeRequests.FromUserToken(environment.UserToken, string.Join(' ', AgentShard.CopilotScopes)),
            ExchangeRequests.Basic(ServerCluster.CopilotClientId, environment.Cluster.CopilotSecret),
            cancellationToken);
        if (copilot.AccessToken is null)
        {
            throw new InvalidOperationException($"The co-pilot's exchange failed: {copilot}");
        }

        var basic = ExchangeRequests.Basic(ServerCluster.AgentClientId, environment.Cluster.AgentSecret);

        if (settings.Warmup > TimeSpan.Zero)
        {
            Progress.Write($"Warm-up: {settings.Warmup.TotalSeconds:0} s with {settings.Concurrency} workers, not recorded.");
            await RunWindowAsync(environment, http, basic, copilot, settings.Concurrency, settings.Warmup, cancellationToken);
        }

        Progress.Write($"Measuring: {settings.Duration.TotalSeconds:0} s with {settings.Concurrency} workers…");
        var window = await RunWindowAsync(environment, http, basic, copilot, settings.Concurrency, settings.Duration, cancellationToken);
        var machine = start.Describe(MachineInfo.Capture());
        Print(Console.Out, settings, machine, window);
        await SaveAsync(settings, window, cancellationToken);
        var chart = PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            "Token exchange latency (POST /oauth/token, child session)",
            ChartCaption.Footer(machine),
            [new LatencySeries($"{window.Concurrency} workers, {window.PerSecond:0} exchanges/s", window.LatenciesMs)]);
        Console.Out.WriteLine($"Chart: {chart}");
    }

    private static async Task<ExchangeWindow> RunWindowAsync(
        LoadEnvironment environment, HttpClient http, AuthenticationHeaderValue basic, ExchangeOutcome parent, int concurrency, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var cpuBefore = CpuAccount.Read(environment.Server.ProcessId);
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkAsync(http, basic, parent, end, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var cpu = CpuAccount.Read(environment.Server.ProcessId) - cpuBefore;
        return new ExchangeWindow(
            concurrency,
            duration,
            results.SelectMany(result => result.Latencies).ToList(),
            results.Sum(result => result.Errors),
            results.Select(result => result.FirstError).FirstOrDefault(error => error is not null),
            cpu);
    }

    private static async Task<(List<double> Latencies, int Errors, string? FirstError)> WorkAsync(
        HttpClient http, AuthenticationHeaderValue basic, ExchangeOutcome parent, long end, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        while (Stopwatch.GetTimestamp() < end)
        {
            // The agent's key and both proofs are made by the agent, not the server: outside the measured request.
            var form = ExchangeRequests.FromParentToken(parent.AccessToken!, Scope);
            using var key = ProofKey.Create();
            var proofs = ExchangeRequests.Proofs(http, key, parent);
            var sent = Stopwatch.GetTimestamp();
            var outcome = await ExchangeRequests.SendAsync(http, new FormUrlEncodedContent(form), basic, proofs, cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (answered > end)
            {
                break;
            }

            if (outcome.Status == HttpStatusCode.OK && outcome.AccessToken is not null)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            }
            else
            {
                errors++;
                firstError ??= outcome.ToString();
            }
        }

        return (latencies, errors, firstError);
    }

    private static void Print(TextWriter output, ExchangeSettings settings, string machine, ExchangeWindow window)
    {
        var d = window.Latency;
        output.WriteLine($"Machine: {machine}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Child-session exchanges (POST /oauth/token, RTAToken subject), {settings.Concurrency} workers, {settings.Duration.TotalSeconds:0} s after {settings.Warmup.TotalSeconds:0} s unrecorded."));
        output.WriteLine();
        output.WriteLine("| workers | exchanges | exchanges/s | errors | p50 ms | p90 ms | p99 ms | max ms | server CPU per exchange |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {window.Concurrency} | {d.Count:N0} | {window.PerSecond:0} | {window.Errors} | {d.P50:0.0} | {d.P90:0.0} | {d.P99:0.0} | {d.Max:0.0} | {window.ServerCpuMsPerExchange:0.00} ms |"));
        if (window.FirstError is not null)
        {
            output.WriteLine($"First error: {window.FirstError}");
        }

        // The driver, PostgreSQL and Redis share the two cores with the server: their share per exchange bounds the rate as much.
        output.WriteLine();
        output.WriteLine($"CPU per exchange: {window.Cpu.Describe(window.LatenciesMs.Count)}.");

        output.WriteLine();
        output.WriteLine($"CSV: {settings.Out}");
    }

    private static async Task SaveAsync(ExchangeSettings settings, ExchangeWindow window, CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("exchange");
        csv.Add(null, window.Concurrency, "exchanges", "per_second", window.PerSecond, "exchanges/s");
        csv.Add(null, window.Concurrency, "exchanges", "errors", window.Errors, "requests");
        csv.Add(null, window.Concurrency, "exchanges", "window", window.Duration.TotalSeconds, "s");
        csv.AddDistribution(null, window.Concurrency, "exchange_latency", window.Latency, "ms");
        csv.Add(null, window.Concurrency, "server_cpu", "per_exchange", window.ServerCpuMsPerExchange, "ms");
        csv.Add(null, window.Concurrency, "driver_cpu", "per_exchange", window.PerExchange(window.Cpu.Driver), "ms");
        csv.Add(null, window.Concurrency, "postgres_cpu", "per_exchange", window.PerExchange(window.Cpu.Postgres), "ms");
        csv.Add(null, window.Concurrency, "machine_cpu", "per_exchange", window.PerExchange(window.Cpu.Machine), "ms");
        await csv.SaveAsync(settings.Out, cancellationToken);
    }
}
