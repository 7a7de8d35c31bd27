namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// Body of <c>POST /admin/v1/blocks/lift</c>: one block as <c>GET /admin/v1/blocks</c> lists it (<c>setBy</c> is the
/// transmitter issuer that set it, empty for a block of unknown origin) and why the admin lifts it.
/// </summary>
public sealed record LiftBlockRequest(string? Format, string? Issuer, string? Value, string? SetBy, string? Reason);
