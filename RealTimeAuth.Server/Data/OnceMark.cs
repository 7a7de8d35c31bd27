namespace RealTimeAuth.Server.Data;

/// <summary>
/// A value that may be used once cluster-wide while it could still be accepted: a proof's <c>jti</c>, an exchange nonce.
/// <paramref name="Scope"/> names the kind of value and <paramref name="Value"/> identifies it within that kind.
/// </summary>
public readonly record struct OnceMark(string Scope, string Value, TimeSpan Lifetime);
