using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Live;

/// <summary>The live channel's addresses: <see cref="LiveChannelOptions.GrpcAddress"/> for gRPC, the request's own base for SSE and JSON.</summary>
internal sealed class LiveChannelEndpoints(IOptions<LiveChannelOptions> options) : ILiveChannelEndpoints
{
    public Uri? GrpcAddress => options.Value.GrpcAddress is { Length: > 0 } configured ? new Uri(configured) : null;

    public RtaLiveChannelEndpoints For(HttpRequest request, Guid sessionId)
    {
        var baseAddress = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new RtaLiveChannelEndpoints
        {
            Grpc = options.Value.GrpcAddress is { Length: > 0 } grpc ? grpc : baseAddress,
            Events = $"{baseAddress}{LiveApi.SessionPath(sessionId)}/events",
            Authorize = $"{baseAddress}{LiveApi.SessionPath(sessionId)}/authorize",
        };
    }
}
