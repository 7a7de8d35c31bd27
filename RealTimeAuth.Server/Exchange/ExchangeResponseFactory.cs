using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Exchange;

/// <summary>The success response of the exchange; <c>token_type</c> says the RTAToken is bound to a key (RFC 9449 §5).</summary>
internal static class ExchangeResponseFactory
{
    public static RtaExchangeResponse Create(HttpRequest request, SessionCreationResult created, ILiveChannelEndpoints liveChannel)
    {
        var session = created.Session!;
        var token = created.Token!;
        return new RtaExchangeResponse
        {
            AccessToken = token.Text,
            TokenType = RtaBindingNames.TokenType,
            ExpiresIn = (int)Math.Max(1, (token.FreshUntil - session.CreatedAt).TotalSeconds),
            Scope = string.Join(' ', session.Scopes),
            SessionId = session.Id.ToString(),
            ParentSessionId = session.ParentId?.ToString(),
            LiveChannel = liveChannel.For(request, session.Id),
        };
    }
}
