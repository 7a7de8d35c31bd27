namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Whether a run's trigger has fired yet, so each decision counts as before or after it. Thread-safe.</summary>
internal sealed class RunPhase
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _triggeredAt;

    public bool IsTriggered => TriggeredAt is not null;

    public DateTimeOffset? TriggeredAt
    {
        get
        {
            lock (_gate)
            {
                return _triggeredAt;
            }
        }
    }

    public void MarkTriggered(DateTimeOffset at)
    {
        lock (_gate)
        {
            _triggeredAt ??= at;
        }
    }
}
