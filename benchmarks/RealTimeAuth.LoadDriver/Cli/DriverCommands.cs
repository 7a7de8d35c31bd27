using RealTimeAuth.LoadDriver.Authorize;
using RealTimeAuth.LoadDriver.AuthZen;
using RealTimeAuth.LoadDriver.Exchange;
using RealTimeAuth.LoadDriver.Faults;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Replicas;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.LoadDriver.Soak;
using RealTimeAuth.LoadDriver.Ssf;
using RealTimeAuth.LoadDriver.Storm;

namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Dispatches the command line to a benchmark, or to the server side of the driver in a child process.</summary>
internal static class DriverCommands
{
    /// <summary>Setup, measurement and teardown of one command, together.</summary>
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(20);

    private const string Usage = """
        Usage: RealTimeAuth.LoadDriver COMMAND [--option value]...

          Every command:  --server-gc 0      1: the server replica runs with server GC instead of the workstation GC it ships with

          revocation   Revocation to push with N connected agents per phase (loopback only).
                         --agents 1,100,1000            connected agents per phase
                         --revocations 200              measured revocations per phase
                         --streams-per-connection 100   live streams per gRPC channel (one co-pilot + agents)
                         --warmup 300                   unrecorded revocations first (JIT tier-up)
                         --pause-ms 20                  pause after each replacement agent connects
                         --out PATH                     CSV (raw samples beside it)
          exchange     Child-session token exchanges (POST /oauth/token, RTAToken subject).
                         --seconds 20                   measured window
                         --concurrency 16               workers, one request in flight each
                         --warmup-seconds 20            unrecorded load first (JIT tier-up)
                         --out PATH                     CSV
          authorize    Decisions over the live channel (SDK AuthorizeAsync, gRPC) with N agents connected.
                         --agents 1000                  connected agents, streams open
                         --concurrency 32               workers, one call in flight each, round-robin over the agents
                         --seconds 20                   measured window
                         --warmup-seconds 10            unrecorded calls first
                         --streams-per-connection 100   live streams per gRPC channel (one co-pilot + agents)
                         --out PATH                     CSV
          authzen      AuthZEN POST /access/v1/evaluation (Todo policy) vs a trivial endpoint on the same server.
                         --seconds 20                   measured window per endpoint
                         --connections 32               HTTP/1.1 keep-alive connections, one request in flight each
                         --warmup-seconds 10            unrecorded load on each endpoint first
                         --out PATH                     CSV
          ssf          Shared Signals: transmitter's push accepted (202) to SDK Revoked, and SET ingestion rate.
                         --agents 1000                  connected agents of the affected user
                         --events 50                    measured session-revoked SETs (agents reconnected before each)
                         --burst 2000                   SETs pushed for the ingestion rate
                         --concurrency 16               pushes in flight during the burst
                         --pause-driver-gc 1            no driver GC from push to last Revoked (0: allow it)
                         --out PATH                     CSV of every latency sample
          storm        User-wide revocations (admin POST /admin/v1/users/revoke) of N connected agents: issued → first
                       and last agent's SDK Revoked, server memory per connected agent, stream drops, missed agents.
                         --agents 1000                  connected agents of the one user, reconnected before each storm
                         --storms 20                    measured storms
                         --warmup 2                     unrecorded storms first (JIT tier-up at full size)
                         --streams-per-connection 100   live streams per gRPC channel (one co-pilot + agents)
                         --out PATH                     CSV (per-storm samples beside it)
          replicas     Revocation across server replicas (child processes on one PostgreSQL and Redis): single sessions
                       revoked through replica 0, issued → SDK Revoked for agents on the other replicas and on replica 0,
                       then user-wide storms; server CPU of all replicas per revocation.
                         --replicas 3                   server replicas
                         --agents-per-replica 1000      connected agents whose streams each replica holds
                         --revocations 200              measured revocations, round-robin over the replicas' agents
                         --storms 2                     user-wide revocations afterwards (all agents reconnected before each)
                         --warmup 30                    unrecorded revocations first
                         --streams-per-connection 100   live streams per gRPC channel (one co-pilot + agents)
                         --announce-entries 1           0: announcements carry only the sequence (before ADR 0025)
                         --out PATH                     CSV (raw samples beside it)
          soak         Steady load for a long time: decisions, one revocation per interval, server memory over time.
                       Exits 1 if a revocation misses its agent or the server logs a warning or error (known-harmless
                       entries, listed in the report, are set aside).
                         --agents 1000                  connected agents; each revoked one is replaced in its slot
                         --rate 500                     decisions per second over the live channel (0: none)
                         --minutes 30                   length of the run (bounded at that plus 20 minutes)
                         --revoke-every-ms 1000         one admin revocation this often
                         --sample-seconds 5             server memory sampled this often, no forced collection
                         --warmup-seconds 300           samples before this are left out of the memory slope
                         --streams-per-connection 100   live streams per gRPC channel (one co-pilot + agents)
                         --out PATH                     CSV (memory and revocation series beside it; NAME-timeline.png)
          faults       Kills what the run owns under load and reports the window: its Redis mid-storm (redis), its
                       PostgreSQL (postgres), one of two replicas with SIGKILL (replica), streams that never read
                       beside storms (slow). Each scenario on fresh processes, about 2 minutes. Exits 1 if a
                       requirement is not met (lost or duplicated revocation, a 500, no recovery, …).
                         --scenario redis,postgres,replica,slow   scenarios, in this order
                         --agents 1000                  agents of the storm (redis, slow) or of the killed replica
                         --outage-seconds 10            how long Redis or PostgreSQL stays down
                         --out PATH                     BASE.csv → BASE-SCENARIO.csv, -events.csv, -timeline.png

        Every command writes a PNG beside its CSV (same base name): its latency distribution as a percentile plot;
        revocation with several --agents phases also writes NAME-vs-agents.png.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var line = CommandLine.Parse(args);
            ChartCaption.CommandLine = string.Join(' ', args.Prepend("RealTimeAuth.LoadDriver"));
            ServerProcess.UseServerGc = line.Int("server-gc", 0, 0, 1) == 1;
            switch (line.Command)
            {
                case ServeCommand.Name:
                    line.EnsureAllRead();
                    return await ServeCommand.RunAsync();
                case "revocation":
                    var revocation = RevocationSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => RevocationBenchmark.RunAsync(revocation, cancellationToken));
                case "exchange":
                    var exchange = ExchangeSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => ExchangeBenchmark.RunAsync(exchange, cancellationToken));
                case "authorize":
                    var authorize = AuthorizeSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => AuthorizeBenchmark.RunAsync(authorize, cancellationToken));
                case "authzen":
                    var authZen = AuthZenSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => AuthZenBenchmark.RunAsync(authZen, cancellationToken));
                case "ssf":
                    var ssf = SsfSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => SsfBenchmark.RunAsync(ssf, cancellationToken));
                case "storm":
                    var storm = StormSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => StormBenchmark.RunAsync(storm, cancellationToken));
                case "faults":
                    var faults = FaultsSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => FaultsBenchmark.RunAsync(faults, cancellationToken), RunBound);
                case "replicas":
                    var replicas = ReplicasSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => ReplicasBenchmark.RunAsync(replicas, cancellationToken));
                case "soak":
                    var soak = SoakSettings.From(line);
                    line.EnsureAllRead();
                    return await RunBoundedAsync(cancellationToken => SoakBenchmark.RunAsync(soak, cancellationToken), soak.Duration + RunBound);
                default:
                    throw new UsageException($"Unknown command '{line.Command}'.");
            }
        }
        catch (UsageException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static Task<int> RunBoundedAsync(Func<CancellationToken, Task> run) => RunBoundedAsync(
        async cancellationToken =>
        {
            await run(cancellationToken);
            return 0;
        },
        RunBound);

    /// <summary>Runs within <paramref name="bound"/>; the exit code is the run's own.</summary>
    private static async Task<int> RunBoundedAsync(Func<CancellationToken, Task<int>> run, TimeSpan bound)
    {
        using var cancellation = new CancellationTokenSource(bound);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await run(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Stopped: interrupted, or the run passed its bound of {bound.TotalMinutes:0} minutes.");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
