namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>A budget of at most <c>limit</c> actions, which can also be closed early (the run's duration is up).</summary>
internal sealed class ActionBudget(long limit) : IActionBudget
{
    private readonly TaskCompletionSource _exhausted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _taken;
    private volatile bool _closed;

    /// <summary>No limit: scenario agents work until their session ends or the run does.</summary>
    public static IActionBudget Unlimited { get; } = new UnlimitedBudget();

    /// <summary>Actions taken so far.</summary>
    public long Taken => Math.Min(Interlocked.Read(ref _taken), limit);

    /// <summary>Completes when the last action has been taken or the budget was closed.</summary>
    public Task Exhausted => _exhausted.Task;

    public bool TryTake()
    {
        if (_closed)
        {
            return false;
        }

        var taken = Interlocked.Increment(ref _taken);
        if (taken >= limit)
        {
            Close();
        }

        return taken <= limit;
    }

    public void Close()
    {
        _closed = true;
        _exhausted.TrySetResult();
    }

    private sealed class UnlimitedBudget : IActionBudget
    {
        public bool TryTake() => true;
    }
}
