using System.Runtime.InteropServices;

namespace RealTimeAuth.Testing.Servers;

/// <summary>
/// Runs a cleanup once when the test host ends without disposing the fixture: on normal process exit and on
/// SIGTERM, SIGINT or SIGHUP (since .NET 10 those no longer raise <see cref="AppDomain.ProcessExit"/>). The signal
/// still ends the process afterwards. SIGKILL cannot be caught; <see cref="StaleRunSweeper"/> covers that case.
/// </summary>
internal sealed class ExitHook : IDisposable
{
    private readonly Action _cleanup;
    private readonly PosixSignalRegistration[] _signals;
    private int _ran;

    private ExitHook(Action cleanup)
    {
        _cleanup = cleanup;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    public static ExitHook Register(Action cleanup) => new(cleanup);

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => RunOnce();

    private void OnSignal(PosixSignalContext context) => RunOnce();

    private void RunOnce()
    {
        if (Interlocked.Exchange(ref _ran, 1) == 0)
        {
            _cleanup();
        }
    }
}
