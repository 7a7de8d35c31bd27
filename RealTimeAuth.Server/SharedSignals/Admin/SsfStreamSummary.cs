using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>A stream as the admin console shows it; never its push secret.</summary>
public sealed record SsfStreamSummary(
    Guid Id,
    string Issuer,
    string Audience,
    string? StreamId,
    string DeliveryMethod,
    string? JwksUri,
    IReadOnlyList<string> SubjectIssuers,
    string Source,
    bool Enabled,
    string TransmitterStatus,
    string? TransmitterStatusReason,
    string? LastVerificationState,
    DateTimeOffset? LastVerifiedAt,
    string? Description,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> EventsRequested,
    IReadOnlyList<string> EventsDelivered,
    IReadOnlyList<string> AllowedClaims)
{
    public static SsfStreamSummary From(SsfStreamEntity row) => new(
        row.Id, row.Issuer, row.Audience, row.TransmitterStreamId, row.DeliveryMethod, row.JwksUri, row.SubjectIssuers, row.Source,
        row.Enabled, row.TransmitterStatus, row.TransmitterStatusReason, row.LastVerificationState, row.LastVerifiedAt, row.Description, row.UpdatedAt,
        row.EventsRequested, row.EventsDelivered, [.. TransmitterClaims.Effective(row.AllowedClaims)]);
}
