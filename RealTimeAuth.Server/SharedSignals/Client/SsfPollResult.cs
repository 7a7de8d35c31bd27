namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>An RFC 8936 poll response: SETs by jti.</summary>
public sealed record SsfPollResult(IReadOnlyDictionary<string, string> Sets);
