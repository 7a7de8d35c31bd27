using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Where a session's agent opens its live channel. A port the Live module implements (it owns the addresses and
/// paths), so the exchange can name them in its response, and Shared Signals can keep transmitters off the gRPC port,
/// without either depending on Live.
/// </summary>
public interface ILiveChannelEndpoints
{
    /// <summary>The configured public address of the gRPC live channel; null when each request's own base address is used.</summary>
    Uri? GrpcAddress { get; }

    /// <summary>The live channel endpoints of <paramref name="sessionId"/>, as seen from <paramref name="request"/>.</summary>
    RtaLiveChannelEndpoints For(HttpRequest request, Guid sessionId);
}
