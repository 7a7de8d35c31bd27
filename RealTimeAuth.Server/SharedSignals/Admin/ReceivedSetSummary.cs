using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>A received SET as the admin console shows it: what it said, when it came, what it did.</summary>
public sealed record ReceivedSetSummary(
    long Id,
    Guid StreamId,
    string Issuer,
    string Jti,
    string EventType,
    string? SubjectFormat,
    string Claims,
    string Delivery,
    string Status,
    string? Effect,
    string? EffectDetail,
    DateTimeOffset IssuedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AppliedAt,
    int Attempts,
    string? LastError,
    int Redeliveries)
{
    public static ReceivedSetSummary From(ReceivedSetEntity row) => new(
        row.Id, row.StreamId, row.Issuer, row.Jti, row.EventType, row.SubjectFormat, row.Claims, row.Delivery, row.Status, row.Effect,
        row.EffectDetail, row.IssuedAt, row.ReceivedAt, row.AppliedAt, row.Attempts, row.LastError, row.Redeliveries);
}
