namespace RealTimeAuth.Server.Data;

/// <summary>A subject this receiver added to a stream (SSF 1.0 §8.1.3.2), for streams whose transmitter sends only added subjects.</summary>
public sealed class SsfStreamSubjectEntity
{
    public long Id { get; set; }

    public Guid StreamId { get; set; }

    /// <summary>The subject identifier as JSON (RFC 9493, possibly complex).</summary>
    public required string Subject { get; set; }

    public bool Verified { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
