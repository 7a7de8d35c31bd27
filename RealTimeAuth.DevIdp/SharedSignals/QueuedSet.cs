namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A SET queued on a stream.</summary>
public sealed record QueuedSet(string StreamId, string Jti);
