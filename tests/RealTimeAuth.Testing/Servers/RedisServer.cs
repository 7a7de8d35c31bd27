using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RealTimeAuth.Testing.Servers;

/// <summary>
/// A throwaway <c>redis-server</c> child process on a free loopback port, without persistence. It can be stopped
/// and started again on the same port, so tests can check that clients recover from an outage.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    public const string FolderName = "redis";
    private const string PidFileName = "redis.pid";
    private const int StartAttempts = 3;
    private const int OutputLines = 50;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly string _executable;
    private readonly string _folder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private RedisServer(string executable, string folder, int port)
    {
        _executable = executable;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync(string executable, RunDirectory run)
    {
        var folder = run.CreateFolder(FolderName);
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var server = new RedisServer(executable, folder, FreePort.Pick());
            if (await server.TryLaunchAsync())
            {
                return server;
            }

            server.Dispose();
        }

        throw new InvalidOperationException(
            $"redis-server could not listen on a free port: another process took each of the {StartAttempts} ports picked for it.");
    }

    /// <summary>Starts the server again on the same port; does nothing while it runs.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            _process?.Dispose();
            if (!await TryLaunchAsync())
            {
                throw new InvalidOperationException(
                    $"redis-server could not listen on port {Port} again: another process took it.{Environment.NewLine}{OutputTail()}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills the server (an abrupt outage, as a crash would be) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_process is null)
            {
                return;
            }

            _process.Kill();
            using var timeoutSource = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"redis-server (pid {_process.Id}) did not exit within {StopTimeout.TotalSeconds:0} s of SIGKILL.");
            }

            _process.Dispose();
            _process = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills the server at once; used when the test process exits without disposing the fixture.</summary>
    public void Dispose()
    {
        try
        {
            _process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Kills the redis-server a dead test process left in <paramref name="runDirectory"/>.</summary>
    public static void KillStale(string runDirectory)
    {
        var pid = ProcessTable.ReadPidFile(Path.Combine(runDirectory, FolderName, PidFileName));
        if (pid is null || !ProcessTable.IsRunning(pid.Value, "redis-server"))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid.Value);
            process.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Exited in the meantime.
        }
    }

    /// <summary>Launches redis-server and waits for PING; false when the port was taken by someone else.</summary>
    private async Task<bool> TryLaunchAsync()
    {
        _output.Clear();
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--dir", _folder,
        ];
        var process = new Process { StartInfo = ProcessRunner.CreateStartInfo(_executable, arguments) };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await File.WriteAllTextAsync(Path.Combine(_folder, PidFileName), process.Id.ToString(CultureInfo.InvariantCulture));

        var stopwatch = Stopwatch.StartNew();
        while (!await RedisProbe.AnswersPingAsync(Port))
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                _process = null;
                var output = OutputTail();
                var exitCode = process.ExitCode;
                process.Dispose();
                if (output.Contains("Address already in use", StringComparison.Ordinal))
                {
                    return false;
                }

                throw new InvalidOperationException(
                    $"redis-server exited with code {exitCode} before answering PING on port {Port}.{Environment.NewLine}{output}");
            }

            if (stopwatch.Elapsed > ReadyTimeout)
            {
                Dispose();
                throw new TimeoutException(
                    $"redis-server did not answer PING on port {Port} within {ReadyTimeout.TotalSeconds:0} s.{Environment.NewLine}{OutputTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }

        return true;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines)
        {
            _output.TryDequeue(out _);
        }
    }

    private string OutputTail() => $"redis-server output tail:{Environment.NewLine}{LogTail.Format(_output)}";
}
