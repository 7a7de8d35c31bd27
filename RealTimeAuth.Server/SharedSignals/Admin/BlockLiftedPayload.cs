namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>The event-log record of an admin lifting a block: which block, whose it was, the SET that set it, and why.</summary>
public sealed record BlockLiftedPayload(string Format, string Issuer, string Value, string SetBy, string Status, string Jti, string Reason);
