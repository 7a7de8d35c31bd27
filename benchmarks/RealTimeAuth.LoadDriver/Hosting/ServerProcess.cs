using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>
/// The RTA server replica in a child process (this driver's <c>serve</c> command), so the thousands of SDK clients
/// the driver hosts share neither its thread pool, its GC pauses nor its heap, and its memory can be measured alone.
/// The child runs with the server's own GC settings (workstation GC, background collections). Lines it prints without the
/// <see cref="Marker"/> (its logs) are passed on to standard error.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string Marker = "rta-load:";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MeasureTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _commands = new(1, 1);

    private ServerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += OnOutput;
        _process.ErrorDataReceived += OnError;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Token endpoint, admin API (HTTP/1.1).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The gRPC live channel (h2c).</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    public int ProcessId => _process.Id;

    /// <summary>Whether server replicas started from now on run with server GC (<c>--server-gc 1</c>).</summary>
    public static bool UseServerGc { get; set; }

    /// <summary>CPU time the server process has used so far, all threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the child and waits until its replica is current with the event log and holds a signing key.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("The driver's own executable path is unknown."))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(ServeCommand.Name);
        // The driver's own runtimeconfig is not the server's: the child runs with the GC the server ships with
        // (workstation, see RealTimeAuth.Server.csproj) unless --server-gc 1 asks for server GC.
        start.Environment["DOTNET_gcServer"] = UseServerGc ? "1" : "0";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
        try
        {
            await server.SendAsync(JsonSerializer.Serialize(settings), cancellationToken);
            var ports = (await server.ReplyAsync("ready", HostingTimeouts.Startup * 2, cancellationToken)).Split(' ');
            server.BaseAddress = Loopback(ports[0]);
            server.GrpcAddress = Loopback(ports[1]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Has the server collect garbage fully, then reports its memory.</summary>
    public async Task<ServerMemory> MeasureMemoryAsync(CancellationToken cancellationToken) =>
        ServerMemory.Parse(await CommandAsync("memory", cancellationToken));

    /// <summary>The server's memory as it is (no collection is triggered).</summary>
    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken) =>
        ServerSample.Parse(await CommandAsync("sample", cancellationToken));

    /// <summary>The server's log entries at Warning or above, from its start.</summary>
    public ServerLogTally Log { get; } = new();

    /// <summary>The server's garbage collections so far (no collection is triggered).</summary>
    public async Task<ServerGc> ReadGcAsync(CancellationToken cancellationToken) =>
        ServerGc.Parse(await CommandAsync("gc", cancellationToken));

    private async Task<string> CommandAsync(string verb, CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            await SendAsync(verb, cancellationToken);
            return await ReplyAsync(verb, MeasureTimeout, cancellationToken);
        }
        finally
        {
            _commands.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync("stop", CancellationToken.None);
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It is exiting already.
            }

            using var bound = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"The server process did not stop within {StopTimeout.TotalSeconds:0} s; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
        _commands.Dispose();
    }

    private async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    private async Task<string> ReplyAsync(string verb, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        string reply;
        try
        {
            reply = await _replies.Reader.ReadAsync(bound.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The server process ended before answering '{verb}'; its output is above.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server process did not answer '{verb}' within {timeout.TotalSeconds:0} s.");
        }

        var space = reply.IndexOf(' ', StringComparison.Ordinal);
        var (head, rest) = space < 0 ? (reply, string.Empty) : (reply[..space], reply[(space + 1)..]);
        return head == verb ? rest
            : head == "failed" ? throw new InvalidOperationException($"The server process failed: {rest}")
            : throw new InvalidOperationException($"Expected '{verb}' from the server process, got '{reply}'.");
    }

    private void OnOutput(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            _replies.Writer.TryComplete();
        }
        else if (e.Data.StartsWith(Marker, StringComparison.Ordinal))
        {
            _replies.Writer.TryWrite(e.Data[Marker.Length..]);
        }
        else
        {
            Log.Add("stdout", e.Data);
            Console.Error.WriteLine($"[server] {e.Data}");
        }
    }

    private void OnError(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            Log.Add("stderr", e.Data);
            Console.Error.WriteLine($"[server] {e.Data}");
        }
    }

    private static Uri Loopback(string port) =>
        new($"http://127.0.0.1:{int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}/");
}
