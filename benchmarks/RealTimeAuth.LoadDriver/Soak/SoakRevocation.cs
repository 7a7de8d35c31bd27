namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>One revocation of the soak: when it was issued, and revoke call issued → the agent's SDK Revoked (null: missed).</summary>
internal sealed record SoakRevocation(TimeSpan Elapsed, double CallMs, double? PushMs);
