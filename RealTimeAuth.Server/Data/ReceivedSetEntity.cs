namespace RealTimeAuth.Server.Data;

/// <summary>
/// A Security Event Token this server accepted: stored before it is acknowledged, applied afterwards. The
/// unique (<see cref="Issuer"/>, <see cref="Jti"/>) makes a re-delivered SET a duplicate rather than a second event.
/// </summary>
public sealed class ReceivedSetEntity
{
    public long Id { get; set; }

    /// <summary>The stream (<c>ssf_streams.id</c>) it arrived on.</summary>
    public Guid StreamId { get; set; }

    public required string Issuer { get; set; }

    public required string Jti { get; set; }

    public required string EventType { get; set; }

    /// <summary>The subject identifier's format (<c>sub_id.format</c>, or of the legacy in-event subject).</summary>
    public string? SubjectFormat { get; set; }

    /// <summary>The SET as received, compact JWS.</summary>
    public required string Raw { get; set; }

    /// <summary>The SET's verified claims as JSON.</summary>
    public required string Claims { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary><c>push</c> or <c>poll</c>.</summary>
    public required string Delivery { get; set; }

    /// <summary><c>pending</c>, <c>applied</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>What applying it did, a stable code such as <c>sessions_revoked</c> or <c>recorded</c>.</summary>
    public string? Effect { get; set; }

    /// <summary>Details of the effect as JSON (sessions affected, attributes set…).</summary>
    public string? EffectDetail { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>How many times the same SET (same issuer and <c>jti</c>) was delivered again.</summary>
    public int Redeliveries { get; set; }
}
