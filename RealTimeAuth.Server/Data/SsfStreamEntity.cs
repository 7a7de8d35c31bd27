namespace RealTimeAuth.Server.Data;

/// <summary>
/// A Shared Signals stream this server receives on: the transmitter it trusts, how SETs arrive and how
/// they are checked, and the stream's state. Streams from configuration are written here at start;
/// streams created through the stream management API live only here.
/// </summary>
public sealed class SsfStreamEntity
{
    public Guid Id { get; set; }

    /// <summary>The transmitter's issuer, as in the <c>iss</c> of its SETs.</summary>
    public required string Issuer { get; set; }

    /// <summary>The audience the transmitter puts in <c>aud</c>.</summary>
    public required string Audience { get; set; }

    /// <summary>The transmitter's <c>stream_id</c>, once known.</summary>
    public string? TransmitterStreamId { get; set; }

    /// <summary><c>urn:ietf:rfc:8935</c> or <c>urn:ietf:rfc:8936</c>.</summary>
    public required string DeliveryMethod { get; set; }

    public string? JwksUri { get; set; }

    public string? MetadataAddress { get; set; }

    public bool RequireHttps { get; set; } = true;

    /// <summary>SHA-256 of the Authorization header value a push must carry; the secret itself is never stored.</summary>
    public byte[]? PushAuthorizationHash { get; set; }

    /// <summary>Issuers of the users this stream's events may affect.</summary>
    public required string[] SubjectIssuers { get; set; }

    /// <summary>
    /// Session-context attributes this stream's events may change (<c>user.risk_level</c>, <c>user.claim.*</c>…); empty
    /// means the CAEP default of risk, assurance and device compliance (ADR 0020).
    /// </summary>
    public string[] AllowedClaims { get; set; } = [];

    public string[] EventsRequested { get; set; } = [];

    public string[] EventsDelivered { get; set; } = [];

    public string? Description { get; set; }

    /// <summary><c>configuration</c> or <c>api</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Whether this receiver accepts SETs on the stream; a disabled stream answers <c>access_denied</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The status the transmitter last reported (<c>enabled</c>, <c>paused</c>, <c>disabled</c>; SSF 1.0 §8.1.2).</summary>
    public required string TransmitterStatus { get; set; }

    public string? TransmitterStatusReason { get; set; }

    /// <summary>The <c>state</c> of a verification this receiver asked for and has not yet seen answered.</summary>
    public string? PendingVerificationState { get; set; }

    public string? LastVerificationState { get; set; }

    public DateTimeOffset? LastVerifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When a replica last created or updated the stream at its transmitter with a fresh push Authorization; another
    /// replica starting soon after adopts that setup instead of rotating the secret again.
    /// </summary>
    public DateTimeOffset? ConfiguredAt { get; set; }
}
