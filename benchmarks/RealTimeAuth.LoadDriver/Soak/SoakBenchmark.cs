using System.Diagnostics;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>
/// A long run at a steady load: A agents connected, decisions at a fixed rate, one agent revoked through the admin
/// API (and replaced) at a fixed interval, and the server's memory sampled without forcing collections. The run
/// fails when any revocation does not reach its agent or the server logs anything at Warning or above that is not
/// on the known-harmless list.
/// </summary>
internal static class SoakBenchmark
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(SoakSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken);
        using var admin = environment.CreateHttpClient();
        await using var pool = new AgentPool(environment, settings.StreamsPerConnection - 1);
        await pool.EnsureCapacityAsync(settings.Agents, cancellationToken);
        Progress.Write($"Connecting {settings.Agents:N0} agents over {pool.ShardCount} channel(s)…");
        var slots = new SoakSlots(await pool.ConnectManyAsync(settings.Agents, cancellationToken));
        try
        {
            Progress.Write($"Soak: {settings.Duration.TotalMinutes:0.#} min, {settings.DecisionsPerSecond} decisions/s, a revocation every {settings.RevokeEvery.TotalMilliseconds:0} ms.");
            var decisions = new DecisionLoad(slots, settings.DecisionsPerSecond);
            var clock = Stopwatch.StartNew();
            var revocations = new List<SoakRevocation>();
            var samples = new List<SoakSample>();
            var refusedConnects = new List<TimeSpan>();
            await Task.WhenAll(
                decisions.RunAsync(settings.Duration, cancellationToken),
                RevokeAsync(pool, slots, new Revoker(admin, environment.AdminToken), settings, clock, revocations, refusedConnects, cancellationToken),
                SampleAsync(environment.Server, decisions, settings, clock, samples, cancellationToken));

            var report = new SoakReport(settings, start.Describe(MachineInfo.Capture()), samples, revocations, decisions,
                StreamDrops.Of(slots.All()), environment.Server.Log.Snapshot(), refusedConnects);
            report.Print(Console.Out);
            await report.SaveAsync(cancellationToken);
            return report.Passed ? 0 : 1;
        }
        finally
        {
            foreach (var probe in slots.All())
            {
                await AgentShard.CloseAsync(probe);
            }
        }
    }

    private static async Task RevokeAsync(
        AgentPool pool, SoakSlots slots, Revoker revoker, SoakSettings settings, Stopwatch clock, List<SoakRevocation> revocations,
        List<TimeSpan> refusedConnects, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.RevokeEvery);
        int? unfilled = null;
        for (var index = 0; await timer.WaitForNextTickAsync(cancellationToken) && clock.Elapsed < settings.Duration; index++)
        {
            // A slot whose replacement was refused is filled before anything else is revoked.
            if (unfilled is { } pending)
            {
                unfilled = await TryFillAsync(pool, slots, pending, refusedConnects, clock, cancellationToken) ? null : pending;
                continue;
            }

            var slot = index % slots.Count;
            var agent = slots.BeginReplace(slot);
            var issued = clock.Elapsed;
            var sample = await revoker.OnceAsync(agent, slots.Count, index, PushTimeout, cancellationToken);
            revocations.Add(new SoakRevocation(issued, sample.CallMs, sample.AfterStartMs));
            if (sample.Raised is null)
            {
                Progress.Write($"Revocation {index + 1} did not reach its agent within {PushTimeout.TotalSeconds:0} s.");
            }

            await AgentShard.CloseAsync(agent);
            unfilled = await TryFillAsync(pool, slots, slot, refusedConnects, clock, cancellationToken) ? null : slot;
        }
    }

    /// <summary>
    /// Connects the slot's replacement. A server that cannot prove it is current refuses exchanges (fail closed,
    /// ADR 0003); past <see cref="ExchangeRetry"/>'s patience that is recorded, not a crash of the run, and tried again.
    /// </summary>
    private static async Task<bool> TryFillAsync(
        AgentPool pool, SoakSlots slots, int slot, List<TimeSpan> refusedConnects, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            slots.EndReplace(slot, await pool.ConnectAsync(slot, cancellationToken));
            return true;
        }
        catch (RtaExchangeException refused) when (refused.Error == "temporarily_unavailable")
        {
            refusedConnects.Add(clock.Elapsed);
            Progress.Write($"Replacement agent for slot {slot} refused after {ExchangeRetry.Attempts} tries ({refused.Message}); trying again.");
            return false;
        }
    }

    private static async Task SampleAsync(
        ServerProcess server, DecisionLoad decisions, SoakSettings settings, Stopwatch clock, List<SoakSample> samples, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.SampleEvery);
        do
        {
            var memory = await server.SampleAsync(cancellationToken);
            samples.Add(new SoakSample(clock.Elapsed, memory.WorkingSetBytes, memory.GcHeapBytes, memory.HeapAfterGen2Bytes, memory.Gen2Collections, decisions.Answered));
            if (samples.Count % Math.Max(1, (int)(TimeSpan.FromMinutes(1) / settings.SampleEvery)) == 0)
            {
                Progress.Write($"{clock.Elapsed.TotalMinutes:0.0} min: working set {memory.WorkingSetBytes / 1048576.0:0.0} MB, GC heap {memory.GcHeapBytes / 1048576.0:0.0} MB, {decisions.Answered:N0} decisions.");
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken) && clock.Elapsed < settings.Duration);
    }
}
