using System.Text.Json.Serialization;

namespace RealTimeAuth.Protocol.Exchange;

/// <summary>Where a session opens its live channel: gRPC, or Server-Sent Events and JSON for clients without gRPC.</summary>
public sealed record RtaLiveChannelEndpoints
{
    /// <summary>Base address of the gRPC service <c>realtimeauth.v1.LiveChannel</c> (HTTP/2).</summary>
    [JsonPropertyName("grpc")]
    public required string Grpc { get; init; }

    /// <summary>The Server-Sent Events stream of the session.</summary>
    [JsonPropertyName("events")]
    public required string Events { get; init; }

    /// <summary>The JSON authorize endpoint.</summary>
    [JsonPropertyName("authorize")]
    public required string Authorize { get; init; }
}
