using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Exchange;

internal static class ExchangeResponseFactory
{
    public const string EventsPath = "/live/v1/events";
    public const string AuthorizePath = "/live/v1/authorize";

    public static RtaExchangeResponse Create(HttpRequest request, SessionCreationResult created, ExchangeOptions options)
    {
        var session = created.Session!;
        var token = created.Token!;
        var baseAddress = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new RtaExchangeResponse
        {
            AccessToken = token.Text,
            ExpiresIn = (int)Math.Max(1, (token.FreshUntil - session.CreatedAt).TotalSeconds),
            Scope = string.Join(' ', session.Scopes),
            SessionId = session.Id.ToString(),
            ParentSessionId = session.ParentId?.ToString(),
            LiveChannel = new RtaLiveChannelEndpoints
            {
                Grpc = options.LiveChannelGrpcAddress ?? baseAddress,
                Events = baseAddress + EventsPath,
                Authorize = baseAddress + AuthorizePath,
            },
        };
    }
}
