using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>A block on a user identifier as the admin API lists it: the identifier, who set it, and the SET that did.</summary>
public sealed record SubjectBlockSummary(
    string Format, string Issuer, string Value, string SetBy, string Status, string? Reason, string EventType, string Jti, DateTimeOffset UpdatedAt)
{
    public static SubjectBlockSummary From(SubjectStatusEntity row) =>
        new(row.Format, row.Issuer, row.Value, row.SetBy, row.Status, row.Reason, row.EventType, row.Jti, row.UpdatedAt);
}
