namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>The four distributions a load run reports.</summary>
internal sealed class LoadLatencies
{
    public LatencyRecorder Exchange { get; } = new("exchange");

    public LatencyRecorder Authorize { get; } = new("authorize");

    public LatencyRecorder EventToReceive { get; } = new("event-to-receive");

    public LatencyRecorder EventToStop { get; } = new("event-to-stop");

    public IReadOnlyList<LatencySummary> Summaries() =>
        [Exchange.Summarize(), Authorize.Summarize(), EventToReceive.Summarize(), EventToStop.Summarize()];
}
