namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>One requested run (scenario or load) at a time, so runs do not distort each other's timings.</summary>
internal sealed class RunGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>A lease to dispose when the run ends, or null while another run holds it.</summary>
    public IDisposable? TryEnter() => _semaphore.Wait(0) ? new Lease(_semaphore) : null;

    public void Dispose() => _semaphore.Dispose();

    private sealed class Lease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
