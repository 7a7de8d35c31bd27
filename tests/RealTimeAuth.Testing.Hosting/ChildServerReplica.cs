using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// An RTA server replica in a process of its own: the server's own build output (<see cref="ServerAssembly"/>), configured
/// through environment variables (<see cref="ServerCluster.ReplicaSettings"/> as <c>Section__Key</c>), so a test can
/// kill it with SIGKILL (<see cref="Kill"/>) the way a crashed node or an OOM kill ends it: no shutdown hooks, no
/// goodbye to its clients. Its output is kept (the last lines) to explain a failure.
/// </summary>
public sealed class ChildServerReplica : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildServerReplica(string name, Process process, int httpPort, int grpcPort)
    {
        Name = name;
        _process = process;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Token endpoint, admin API, JSON live API (HTTP/1.1).</summary>
    public Uri BaseAddress => Loopback(HttpPort);

    /// <summary>The gRPC live channel (HTTP/2 only, cleartext).</summary>
    public Uri GrpcAddress => Loopback(GrpcPort);

    /// <summary>The child's last lines of output, for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the replica on fresh loopback ports and waits until its <c>/health</c> says Healthy.</summary>
    public static Task<ChildServerReplica> StartAsync(string name, IReadOnlyDictionary<string, string?> settings) =>
        LoopbackPort.StartWithRetryAsync(() => Launch(name, settings), replica => replica.WaitUntilHealthyAsync());

    /// <summary>Ends the process with SIGKILL at once and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            // On Unix Process.Kill sends SIGKILL: the server gets no chance to close a stream or flush anything.
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit(StopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var bound = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(bound.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _process.Dispose();
    }

    private static ChildServerReplica Launch(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var httpPort = FreePort.Pick();
        var grpcPort = FreePort.Pick();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly)!,
        };
        start.ArgumentList.Add(ServerAssembly);
        var environment = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel:Endpoints:Http:Url"] = Loopback(httpPort).ToString().TrimEnd('/'),
            ["Kestrel:Endpoints:Grpc:Url"] = Loopback(grpcPort).ToString().TrimEnd('/'),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["LiveChannel:GrpcAddress"] = Loopback(grpcPort).ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ChildServerReplica(name, Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."), httpPort, grpcPort);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < HostingTimeouts.Startup * 2)
        {
            if (_process.HasExited)
            {
                ThrowIfAddressInUse();
                throw new InvalidOperationException($"Replica {Name} exited with code {_process.ExitCode} while starting:{Environment.NewLine}{RecentOutput}");
            }

            if (await IsHealthyAsync(http))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Replica {Name} was not healthy within {(HostingTimeouts.Startup * 2).TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
    }

    // Degraded (still loading the log, no signing key yet) answers 200 too: only the report's status says Healthy.
    private static async Task<bool> IsHealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health");
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode && report.RootElement.GetProperty("status").GetString() == "Healthy";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return false;
        }
    }

    // The other process that took the port in between makes Kestrel fail at start; LoopbackPort then picks again.
    private void ThrowIfAddressInUse()
    {
        if (_output.Any(line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase)))
        {
            throw new IOException($"Replica {Name}: address already in use.");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
            // Only the newest lines explain a failure.
        }
    }

    /// <summary>
    /// <c>RealTimeAuth.Server.dll</c> in the server project's own output folder, of the same configuration and target as
    /// this test's: the copy in a test's folder runs with the test's (unified, newer) package versions, which the server's
    /// deps.json does not list, so it cannot start from there.
    /// </summary>
    public static string ServerAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            for (var folder = output; folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "RealTimeAuth.sln")))
                {
                    var assembly = Path.Combine(folder.FullName, "RealTimeAuth.Server", "bin", configuration, framework, "RealTimeAuth.Server.dll");
                    return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build RealTimeAuth.Server first.", assembly);
                }
            }

            throw new DirectoryNotFoundException($"No RealTimeAuth.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
}
