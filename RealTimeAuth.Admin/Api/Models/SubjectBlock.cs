namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A transmitter's block on a user identifier: the identifier, the transmitter that set it, and the SET that did.</summary>
public sealed record SubjectBlock(
    string Format, string Issuer, string Value, string SetBy, string Status, string? Reason, string EventType, string Jti, DateTimeOffset UpdatedAt);
