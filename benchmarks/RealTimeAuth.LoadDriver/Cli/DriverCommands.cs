using RealTimeAuth.LoadDriver.Authorize;
using RealTimeAuth.LoadDriver.AuthZen;
using RealTimeAuth.LoadDriver.Exchange;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting.Charts;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.LoadDriver.Ssf;

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

    private static async Task<int> RunBoundedAsync(Func<CancellationToken, Task> run)
    {
        using var cancellation = new CancellationTokenSource(RunBound);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await run(cancellation.Token);
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Stopped: interrupted, or the run passed its bound of {RunBound.TotalMinutes:0} minutes.");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
