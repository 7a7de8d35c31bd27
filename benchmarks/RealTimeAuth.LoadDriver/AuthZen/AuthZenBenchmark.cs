using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.AuthZen;

/// <summary>
/// AuthZEN <c>POST /access/v1/evaluation</c> over HTTP/1.1 on loopback: N keep-alive connections, one worker with one request
/// in flight on each, against the server replica with the Todo policy and directory (seeded into its store as an admin would),
/// every decision audited as in production. The same run measures a trivial endpoint on the same server
/// (<see cref="TrivialEndpointFilter"/>) with the same connections and bodies, and reports the ratio.
/// </summary>
internal static class AuthZenBenchmark
{
    private const string ApiKey = "load-driver-pep-key-0123456789";
    private const string EvaluationPath = "/access/v1/evaluation";

    private const string Rick = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    private const string Morty = "CiRmZDE2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    private const string Beth = "CiRmZDM2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

    /// <summary>Todo interop requests: reads, an ownership condition that allows, one that denies, a role check.</summary>
    private static readonly string[] Bodies =
    [
        Request(Rick, "can_read_todos", "todo-1", null),
        Request(Morty, "can_update_todo", "7240d0db-8ff0-41ec-98b2-34a096273b92", "morty@the-citadel.com"),
        Request(Morty, "can_delete_todo", "7240d0db-8ff0-41ec-98b2-34a096273b91", "rick@the-citadel.com"),
        Request(Beth, "can_create_todo", "todo-2", null),
    ];

    public static async Task RunAsync(AuthZenSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        var root = RepositoryRoot();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken, _ => new Dictionary<string, string?>
        {
            ["Policies:File"] = Path.Combine(root, "policies", "todo.policy.json"),
            ["Policies:DirectoryFile"] = Path.Combine(root, "policies", "todo.directory.json"),
            ["AuthZen:ApiKeys:0"] = ApiKey,
            ["hostingStartupAssemblies"] = typeof(AuthZenBenchmark).Assembly.GetName().Name,
        });
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = environment.Server.BaseAddress,
            Timeout = HostingTimeouts.Request,
            DefaultRequestVersion = HttpVersion.Version11,
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        await CheckAsync(http, cancellationToken);

        if (settings.Warmup > TimeSpan.Zero)
        {
            Progress.Write($"Warm-up: {settings.Warmup.TotalSeconds:0} s on each endpoint with {settings.Connections} connections, not recorded.");
            await RunWindowAsync(environment, http, TrivialEndpointFilter.Path, settings.Connections, settings.Warmup, cancellationToken);
            await RunWindowAsync(environment, http, EvaluationPath, settings.Connections, settings.Warmup, cancellationToken);
        }

        Progress.Write($"Measuring {TrivialEndpointFilter.Path}: {settings.Duration.TotalSeconds:0} s with {settings.Connections} connections…");
        var trivial = await RunWindowAsync(environment, http, TrivialEndpointFilter.Path, settings.Connections, settings.Duration, cancellationToken);
        Progress.Write($"Measuring {EvaluationPath}: {settings.Duration.TotalSeconds:0} s with {settings.Connections} connections…");
        var evaluation = await RunWindowAsync(environment, http, EvaluationPath, settings.Connections, settings.Duration, cancellationToken);
        var machine = start.Describe(MachineInfo.Capture());
        Print(Console.Out, settings, machine, trivial, evaluation);
        await SaveAsync(settings, trivial, evaluation, cancellationToken);
        var chart = PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            $"AuthZEN evaluation vs a trivial endpoint, {settings.Connections} HTTP/1.1 connections",
            ChartCaption.Footer(machine),
            [
                new LatencySeries($"{EvaluationPath} ({evaluation.PerSecond:0}/s)", evaluation.Latencies),
                new LatencySeries($"{TrivialEndpointFilter.Path} ({trivial.PerSecond:0}/s)", trivial.Latencies),
            ]);
        Console.Out.WriteLine($"Chart: {chart}");
    }

    /// <summary>Both endpoints answer as expected before anything is measured.</summary>
    private static async Task CheckAsync(HttpClient http, CancellationToken cancellationToken)
    {
        string[] expected = ["{\"decision\":true}", "{\"decision\":true}", "{\"decision\":false}", "{\"decision\":false}"];
        for (var i = 0; i < Bodies.Length; i++)
        {
            using var response = await PostAsync(http, EvaluationPath, Bodies[i], cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || text != expected[i])
            {
                throw new InvalidOperationException($"AuthZEN request {i} answered {(int)response.StatusCode} {text}, expected {expected[i]}.");
            }
        }

        using var trivial = await PostAsync(http, TrivialEndpointFilter.Path, Bodies[0], cancellationToken);
        if (trivial.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The trivial endpoint answered {(int)trivial.StatusCode}; is the hosting startup loaded?");
        }
    }

    private static async Task<HttpWindow> RunWindowAsync(
        LoadEnvironment environment, HttpClient http, string path, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = environment.Server.ProcessorTime;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections)
            .Select(worker => Task.Run(() => WorkAsync(http, path, worker, end, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers);
        return new HttpWindow(
            path,
            connections,
            duration,
            results.SelectMany(result => result.Latencies).ToList(),
            results.Sum(result => result.Errors),
            results.Select(result => result.FirstError).FirstOrDefault(error => error is not null),
            environment.Server.ProcessorTime - cpuBefore);
    }

    private static async Task<(List<double> Latencies, int Errors, string? FirstError)> WorkAsync(
        HttpClient http, string path, int worker, long end, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(64 * 1024);
        var errors = 0;
        string? firstError = null;
        for (var i = worker; Stopwatch.GetTimestamp() < end; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await PostAsync(http, path, Bodies[i % Bodies.Length], cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (answered > end)
            {
                break;
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            }
            else
            {
                errors++;
                firstError ??= $"{(int)response.StatusCode} from {path}";
            }
        }

        return (latencies, errors, firstError);
    }

    private static string Request(string subject, string action, string resourceId, string? ownerEmail)
    {
        var properties = ownerEmail is null ? string.Empty : ",\"properties\":{\"ownerID\":\"" + ownerEmail + "\"}";
        return "{\"subject\":{\"type\":\"user\",\"id\":\"" + subject + "\"},\"action\":{\"name\":\"" + action
            + "\"},\"resource\":{\"type\":\"todo\",\"id\":\"" + resourceId + "\"" + properties + "}}";
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, CancellationToken cancellationToken) =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    private static void Print(TextWriter output, AuthZenSettings settings, string machine, HttpWindow trivial, HttpWindow evaluation)
    {
        output.WriteLine($"Machine: {machine}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AuthZEN evaluation vs a trivial endpoint on the same server, HTTP/1.1 keep-alive, {settings.Connections} connections, {settings.Duration.TotalSeconds:0} s each after {settings.Warmup.TotalSeconds:0} s unrecorded on each."));
        output.WriteLine();
        output.WriteLine("| endpoint | requests | requests/s | errors | p50 ms | p90 ms | p99 ms | max ms | server CPU per request |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var window in new[] { trivial, evaluation })
        {
            var d = window.Latency;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{window.Endpoint}` | {d.Count:N0} | {window.PerSecond:0} | {window.Errors} | {d.P50:0.00} | {d.P90:0.00} | {d.P99:0.00} | {d.Max:0.0} | {window.ServerCpuMicrosecondsPerRequest:0} µs |"));
            if (window.FirstError is not null)
            {
                output.WriteLine($"First error: {window.FirstError}");
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio evaluation / trivial: throughput {evaluation.PerSecond / trivial.PerSecond:0.00}, p50 {evaluation.Latency.P50 / trivial.Latency.P50:0.00}, p99 {evaluation.Latency.P99 / trivial.Latency.P99:0.00}."));
        output.WriteLine($"CSV: {settings.Out}");
    }

    private static async Task SaveAsync(AuthZenSettings settings, HttpWindow trivial, HttpWindow evaluation, CancellationToken cancellationToken)
    {
        var csv = new CsvWriter("authzen");
        foreach (var window in new[] { trivial, evaluation })
        {
            var metric = window == trivial ? "trivial" : "evaluation";
            csv.Add(null, window.Connections, metric, "per_second", window.PerSecond, "requests/s");
            csv.Add(null, window.Connections, metric, "errors", window.Errors, "requests");
            csv.AddDistribution(null, window.Connections, metric + "_latency", window.Latency, "ms");
            csv.Add(null, window.Connections, metric, "server_cpu_per_request", window.ServerCpuMicrosecondsPerRequest, "µs");
        }

        csv.Add(null, trivial.Connections, "ratio", "throughput", evaluation.PerSecond / trivial.PerSecond, "evaluation/trivial");
        await csv.SaveAsync(settings.Out, cancellationToken);
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RealTimeAuth.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository: no RealTimeAuth.sln above the current or the driver's directory.");
    }
}
