namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>Event log entry types written by the Shared Signals receiver (replicas skip them: they change no session by themselves).</summary>
public static class SsfEventLogTypes
{
    /// <summary>An accepted SET was applied (or given up on): its jti, event type, effect and timing.</summary>
    public const string EventProcessed = "ssf.event_processed";

    /// <summary>An admin trusted a new transmitter through the admin API; the entry's actor names the admin.</summary>
    public const string TransmitterAdded = "ssf.transmitter_added";

    /// <summary>An admin stopped trusting a transmitter's stream through the admin API; the entry's actor names the admin.</summary>
    public const string TransmitterRemoved = "ssf.transmitter_removed";

    /// <summary>An admin lifted a transmitter's block on a user identifier; the entry's actor names the admin.</summary>
    public const string BlockLifted = "ssf.block_lifted";
}
