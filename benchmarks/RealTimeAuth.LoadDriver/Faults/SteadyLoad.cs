namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>Decisions and exchanges running in the background of a fault run, from start to <see cref="StopAsync"/>.</summary>
internal sealed class SteadyLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SteadyLoad(DecisionLoop decisions, ExchangeLoop? exchanges)
    {
        _running = Task.WhenAll(decisions.RunAsync(_stop.Token), exchanges?.RunAsync(_stop.Token) ?? Task.CompletedTask);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
