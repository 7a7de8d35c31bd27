using System.Collections.Immutable;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>What a replica knows of one stream to receive and check SETs on it; an immutable snapshot of its row.</summary>
public sealed record SsfStreamDescriptor
{
    public required Guid Id { get; init; }

    /// <summary>The transmitter's issuer; a SET's <c>iss</c> must equal it exactly.</summary>
    public required string Issuer { get; init; }

    /// <summary>The audience a SET's <c>aud</c> must contain.</summary>
    public required string Audience { get; init; }

    public string? TransmitterStreamId { get; init; }

    public required string DeliveryMethod { get; init; }

    public string? JwksUri { get; init; }

    public string? MetadataAddress { get; init; }

    public bool RequireHttps { get; init; } = true;

    /// <summary>SHA-256 of the Authorization header value of a push; null when the stream takes no pushes.</summary>
    public ImmutableArray<byte> PushAuthorizationHash { get; init; } = [];

    /// <summary>Issuers (without trailing slash) of the users this stream's events may affect.</summary>
    public required ImmutableArray<string> SubjectIssuers { get; init; }

    /// <summary>Session-context attributes this stream's events may change: exact names or prefixes ending in <c>*</c>.</summary>
    public ImmutableArray<string> AllowedClaims { get; init; } = TransmitterClaims.Default;

    public bool Enabled { get; init; } = true;

    public required string TransmitterStatus { get; init; }
}
