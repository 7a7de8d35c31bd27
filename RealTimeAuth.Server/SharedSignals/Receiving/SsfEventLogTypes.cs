namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>Event log entry types written by the Shared Signals receiver (replicas skip them: they change no session by themselves).</summary>
public static class SsfEventLogTypes
{
    /// <summary>An accepted SET was applied (or given up on): its jti, event type, effect and timing.</summary>
    public const string EventProcessed = "ssf.event_processed";
}
