namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A Shared Signals stream with its status and the session-context attributes its events may change.</summary>
public sealed record SsfStream(
    Guid Id, string Issuer, string Audience, string? StreamId, string DeliveryMethod, string? JwksUri, IReadOnlyList<string>? SubjectIssuers,
    string Source, bool Enabled, string TransmitterStatus, string? TransmitterStatusReason, string? LastVerificationState,
    DateTimeOffset? LastVerifiedAt, string? Description, DateTimeOffset UpdatedAt, IReadOnlyList<string>? AllowedClaims = null);
