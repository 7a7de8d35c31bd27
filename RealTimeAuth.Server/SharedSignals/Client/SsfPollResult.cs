namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>An RFC 8936 poll response: SETs by jti, and whether more are waiting.</summary>
public sealed record SsfPollResult(IReadOnlyDictionary<string, string> Sets, bool MoreAvailable);
