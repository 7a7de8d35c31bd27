using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.LoadDriver.Ssf;

/// <summary>
/// The ingestion burst: SETs signed beforehand (CAEP risk-level change for subjects with no session), pushed with a
/// few in flight by one transmitter. Accepted per second runs to the last 202; applied per second from the first push
/// to the last SET applied, so it can never pass accepted. The CPU of each phase is read from <c>/proc</c>.
/// </summary>
internal sealed record SetBurst(int Count, int Concurrency, TimeSpan AcceptedIn, TimeSpan AppliedIn, CpuAccount AcceptCpu, CpuAccount TotalCpu)
{
    public double AcceptedPerSecond => Count / AcceptedIn.TotalSeconds;

    public double AppliedPerSecond => Count / AppliedIn.TotalSeconds;

    public static async Task<SetBurst> RunAsync(
        LoadEnvironment environment, BenchTransmitter transmitter, HttpClient http, SsfSettings settings, CancellationToken cancellationToken)
    {
        Progress.Write($"Ingestion: {settings.Burst} SETs, {settings.Concurrency} in flight…");
        var sets = Enumerable.Range(0, settings.Burst)
            .Select(index => transmitter.Sign(SsfEventTypes.RiskLevelChange, environment.Issuer, $"nobody-{index}",
                new JsonObject { ["current_level"] = "HIGH", ["principal"] = "USER", ["event_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }))
            .ToList();
        var before = await CountAsync(http, environment.AdminToken, "applied", cancellationToken);
        var cpuBefore = CpuAccount.Read(environment.Server.ProcessId);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(sets, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, async (set, token) =>
        {
            if (await SsfBenchmark.PushAsync(http, transmitter, set, token) != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException("A SET of the burst was not accepted.");
            }
        });
        var acceptedIn = Stopwatch.GetElapsedTime(started);
        var acceptCpu = CpuAccount.Read(environment.Server.ProcessId) - cpuBefore;

        // Every accepted SET was committed before its 202, so none pending is all applied (or failed, checked after the
        // clock stops). Pending SETs are counted by their partial index; counting the applied ones reads every row,
        // and doing that every 20 ms took PostgreSQL's CPU from the applier it was measuring.
        while (await CountAsync(http, environment.AdminToken, "pending", cancellationToken) > 0)
        {
            await Task.Delay(20, cancellationToken);
        }

        var appliedIn = Stopwatch.GetElapsedTime(started);
        var totalCpu = CpuAccount.Read(environment.Server.ProcessId) - cpuBefore;
        var applied = await CountAsync(http, environment.AdminToken, "applied", cancellationToken) - before;
        if (applied != settings.Burst)
        {
            throw new InvalidOperationException($"{applied} SETs were applied for a burst of {settings.Burst}.");
        }

        return new SetBurst(settings.Burst, settings.Concurrency, acceptedIn, appliedIn, acceptCpu, totalCpu);
    }

    /// <summary>The rates, and the CPU per SET of each part: to the last 202, and to the last SET applied.</summary>
    public string Describe()
    {
        string PerSet(CpuAccount cpu) => string.Create(CultureInfo.InvariantCulture,
            $"server {cpu.Server.TotalMilliseconds / Count:0.000} ms, PostgreSQL {cpu.Postgres.TotalMilliseconds / Count:0.000} ms, driver {cpu.Driver.TotalMilliseconds / Count:0.000} ms, machine {cpu.Machine.TotalMilliseconds / Count:0.000} ms");
        return string.Create(CultureInfo.InvariantCulture, $"""
            Ingestion burst of {Count} SETs, {Concurrency} in flight: {AcceptedPerSecond:0} accepted/s ({AcceptedIn.TotalSeconds:0.00} s), {AppliedPerSecond:0} applied/s ({AppliedIn.TotalSeconds:0.00} s), each applied once
            CPU per SET to the last 202: {PerSet(AcceptCpu)}
            CPU per SET to the last applied: {PerSet(TotalCpu)}
            """);
    }

    private static async Task<int> CountAsync(HttpClient http, string adminToken, string status, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/v1/ssf/events?status={status}&skip=0&take=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("total").GetInt32();
    }
}
