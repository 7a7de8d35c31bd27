namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// Body of <c>POST /admin/v1/ssf/transmitters</c>: a transmitter trusted from now on, whose stream was set up at the
/// transmitter by other means (this server manages only configured transmitters, whose credentials come from configuration).
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
    string? Description);
