using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Ssf;

/// <summary>
/// Shared Signals to the SDK. Event to revocation: N agents of the demo user are connected; the driver, as the
/// transmitter, pushes one CAEP session-revoked SET for the user to <c>/ssf/events</c>; the time from the 202 to each
/// agent's SDK Revoked event is one sample (N per event; the agents are reconnected before each event). Ingestion: a
/// burst of SETs that resolve to no session, pushed with a few in flight: accepted per second (202s) and applied per
/// second (until the applier has applied them all).
/// </summary>
internal static class SsfBenchmark
{
    private static readonly TimeSpan RevokeTimeout = TimeSpan.FromSeconds(30);
    private const int FullSizeWarmups = 5;

    // Far more than one storm allocates in the driver (1,000 agents' revocations, acknowledgements and calls ending).
    private const long NoGcRegionBytes = 128L * 1024 * 1024;

    // Exceptions thrown in the driver (SDK and gRPC client): in a revocation storm each costs tens of microseconds of
    // CPU that the next agent waits for, so the report counts them.
    private static long _exceptions;

    static SsfBenchmark() => AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref _exceptions);

    public static async Task RunAsync(SsfSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var transmitter = await BenchTransmitter.StartAsync();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken, transmitter.ServerSettings);
        using var http = environment.CreateHttpClient();

        // Warm-up at full size: the server JIT-compiles tens of thousands of methods, and with tiered PGO keeps
        // re-compiling hot ones for several events (its compiler thread took 9% of the CPU inside the windows after a
        // single full-size warm-up event, per perf).
        Progress.Write($"Warm-up: 3 events on 10 agents and {FullSizeWarmups} on {settings.Agents}, not recorded.");
        foreach (var agents in new[] { 10, 10, 10 }.Concat(Enumerable.Repeat(settings.Agents, FullSizeWarmups)))
        {
            await OneEventAsync(environment, transmitter, http, agents, settings.PauseDriverGc, cancellationToken);
        }

        var samples = new List<double>();
        var perEventMax = new List<double>();
        var perEventMin = new List<double>();
        var applyTimes = new List<double>();
        long exceptions = 0;
        var driverGc = 0.0;
        var gcPausedWindows = 0;
        var cpu = CpuAccount.Zero;
        var serverGc = ServerGc.Zero;
        for (var index = 0; index < settings.Events; index++)
        {
            var before = Interlocked.Read(ref _exceptions);
            var window = await OneEventAsync(environment, transmitter, http, settings.Agents, settings.PauseDriverGc, cancellationToken);
            exceptions += Interlocked.Read(ref _exceptions) - before;
            samples.AddRange(window.Latencies);
            perEventMax.Add(window.Latencies.Max());
            perEventMin.Add(window.Latencies.Min());
            driverGc += window.DriverGcMs;
            gcPausedWindows += window.DriverGcPaused ? 1 : 0;
            cpu += window.Cpu;
            serverGc += window.ServerGc;
            applyTimes.Add(await LastApplyTimeAsync(http, environment.AdminToken, cancellationToken));
            Progress.Write(string.Create(CultureInfo.InvariantCulture,
                $"Event {index + 1}/{settings.Events}: agents revoked {window.Latencies.Min():0.0} to {window.Latencies.Max():0.0} ms after the 202; driver GC pauses in the window {window.DriverGcMs:0.0} ms; server GC {window.ServerGc.Describe()}; CPU {window.Cpu.Describe(1)}."));
        }

        var burst = settings.Burst > 0 ? await SetBurst.RunAsync(environment, transmitter, http, settings, cancellationToken) : null;
        var all = Distribution.Of(samples);
        var last = Distribution.Of(perEventMax);
        var first = Distribution.Of(perEventMin);
        var apply = Distribution.Of(applyTimes);
        var machine = start.Describe(MachineInfo.Capture());
        var report = string.Create(CultureInfo.InvariantCulture, $"""

            Shared Signals: {settings.Events} session-revoked SETs, each revoking {settings.Agents} connected agents of one user
            202 → SDK Revoked, every agent ({all.Count} samples): p50 {all.P50:0.0} ms, p90 {all.P90:0.0} ms, p99 {all.P99:0.0} ms, max {all.Max:0.0} ms
            202 → last agent of the event ({last.Count} events): p50 {last.P50:0.0} ms, p99 {last.P99:0.0} ms, max {last.Max:0.0} ms
            202 → first agent of the event: p50 {first.P50:0.0} ms, p99 {first.P99:0.0} ms, max {first.Max:0.0} ms
            SET received → effect committed (server clock, admin API): p50 {apply.P50:0.0} ms, p99 {apply.P99:0.0} ms, max {apply.Max:0.0} ms
            Exceptions thrown in the driver per measured event (connecting, revoking and closing {settings.Agents} agents): {(double)exceptions / settings.Events:0}
            CPU per window (push to last Revoked, /proc in 10 ms ticks): {cpu.Describe(settings.Events)}
            Server GC ({(ServerProcess.UseServerGc ? "server" : "workstation, background")}) in the windows: {serverGc.Describe(settings.Events)}
            Driver GC: {(settings.PauseDriverGc ? "paused" : "allowed")} from push to last Revoked; paused in {gcPausedWindows} of {settings.Events} windows; {driverGc / settings.Events:0.0} ms of pauses per window
            {burst?.Describe() ?? "No ingestion burst."}
            {machine}
            """);
        Console.Out.WriteLine(report);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Out)!);
        await File.WriteAllTextAsync(settings.Out, "latency_ms\n" + string.Join('\n', samples.Select(value => value.ToString("0.000", CultureInfo.InvariantCulture))), cancellationToken);
        var chart = PercentileChart.Save(
            ChartPath.Distribution(settings.Out),
            $"Shared Signals: SET accepted (202) → SDK Revoked, {settings.Agents:N0} agents per SET",
            ChartCaption.Footer(machine),
            [
                new LatencySeries($"every agent ({all.Count:N0})", samples),
                new LatencySeries($"last agent of each SET ({last.Count})", perEventMax),
                new LatencySeries($"first agent of each SET ({first.Count})", perEventMin),
            ]);
        Console.Out.WriteLine($"Chart: {chart}");
    }

    private static async Task<EventWindow> OneEventAsync(
        LoadEnvironment environment, BenchTransmitter transmitter, HttpClient http, int agents, bool pauseDriverGc, CancellationToken cancellationToken)
    {
        await using var pool = new AgentPool(environment, 99);
        await pool.EnsureCapacityAsync(agents, cancellationToken);
        var probes = await pool.ConnectManyAsync(agents, cancellationToken);
        var set = transmitter.Sign(SsfEventTypes.SessionRevoked, environment.Issuer, DemoAccounts.RickSubject,
            new JsonObject { ["initiating_entity"] = "admin", ["event_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() });

        // Starting the region may collect first, before the clock starts.
        var gcPaused = pauseDriverGc && GC.TryStartNoGCRegion(NoGcRegionBytes);
        var serverGcBefore = await environment.Server.ReadGcAsync(cancellationToken);
        var cpuBefore = CpuAccount.Read(environment.Server.ProcessId);
        try
        {
            var status = await PushAsync(http, transmitter, set, cancellationToken);
            var accepted = Stopwatch.GetTimestamp();
            var pausedBefore = GC.GetTotalPauseDuration();
            if (status != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"The server answered {(int)status} to a SET.");
            }

            await Task.WhenAll(probes.Select(probe => probe.Revoked.WaitAsync(RevokeTimeout, cancellationToken)));
            var driverGc = GC.GetTotalPauseDuration() - pausedBefore;
            var cpu = CpuAccount.Read(environment.Server.ProcessId) - cpuBefore;
            var serverGc = await environment.Server.ReadGcAsync(cancellationToken) - serverGcBefore;
            return new EventWindow(
                [.. probes.Select(probe => Stopwatch.GetElapsedTime(accepted, probe.RevokedAtTimestamp).TotalMilliseconds)],
                driverGc.TotalMilliseconds,
                gcPaused && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion,
                cpu,
                serverGc);
        }
        finally
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            foreach (var probe in probes)
            {
                await AgentShard.CloseAsync(probe);
            }
        }
    }

    internal static async Task<HttpStatusCode> PushAsync(HttpClient http, BenchTransmitter transmitter, string set, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "ssf/events") { Content = new StringContent(set) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/secevent+jwt");
        request.Headers.TryAddWithoutValidation("Authorization", transmitter.Authorization);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>
    /// receivedAt → appliedAt of the newest received SET, from the admin API (both the server's clock). The agents
    /// hear of a revocation before its effect commits, so this waits for the commit.
    /// </summary>
    private static async Task<double> LastApplyTimeAsync(HttpClient http, string adminToken, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (true)
        {
            if (Stopwatch.GetElapsedTime(deadline) > RevokeTimeout)
            {
                throw new TimeoutException($"The newest SET was not applied within {RevokeTimeout.TotalSeconds:0} s.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "admin/v1/ssf/events?skip=0&take=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var set = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("items")[0];
            if (set.GetProperty("appliedAt").ValueKind == JsonValueKind.String)
            {
                return (set.GetProperty("appliedAt").GetDateTimeOffset() - set.GetProperty("receivedAt").GetDateTimeOffset()).TotalMilliseconds;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>
    /// One event: every agent's latency, the driver's GC pause time inside the window, whether GC was paused, where
    /// the CPU went, and the server's collections.
    /// </summary>
    private sealed record EventWindow(List<double> Latencies, double DriverGcMs, bool DriverGcPaused, CpuAccount Cpu, ServerGc ServerGc);
}
