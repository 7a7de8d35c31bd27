namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// Body of <c>POST /admin/v1/ssf/transmitters</c>: a transmitter trusted from now on, whose stream was set up at the
/// transmitter by other means (this server manages only configured transmitters, whose credentials come from configuration).
/// <c>allowedClaims</c> names the session-context attributes its events may change; absent, the CAEP default (ADR 0020).
/// </summary>
public sealed record AddTransmitterRequest(
    string Issuer,
    string Audience,
    string? DeliveryMethod,
    string? PushAuthorization,
    string? JwksUri,
    string? MetadataAddress,
    string? StreamId,
    IReadOnlyList<string>? SubjectIssuers,
    string? Description,
    IReadOnlyList<string>? AllowedClaims = null);
