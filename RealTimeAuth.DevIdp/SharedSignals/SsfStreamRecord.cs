namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>One stream of the transmitter (SSF 1.0 §8.1.1), owned by the client that created it.</summary>
public sealed class SsfStreamRecord
{
    /// <summary>The <c>stream_id</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The client whose token created the stream; only it may manage or poll it.</summary>
    public required string OwnerClientId { get; set; }

    /// <summary>The <c>iss</c> of its SETs, fixed when the stream was created.</summary>
    public required string Issuer { get; set; }

    /// <summary>The <c>aud</c> of its SETs (the owner's client id).</summary>
    public required string Audience { get; set; }

    public required string DeliveryMethod { get; set; }

    /// <summary>Push: the receiver's endpoint. Poll: this transmitter's poll endpoint.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Push: the Authorization header sent with every SET. A secret the receiver chose; never logged or returned.</summary>
    public string? AuthorizationHeader { get; set; }

    /// <summary>JSON array of the event types the receiver asked for.</summary>
    public string EventsRequested { get; set; } = "[]";

    public string? Description { get; set; }

    /// <summary><c>enabled</c>, <c>paused</c> (SETs are held) or <c>disabled</c> (SETs are dropped).</summary>
    public required string Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
