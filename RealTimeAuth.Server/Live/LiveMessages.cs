using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Live;

/// <summary>Builds the server's live channel messages; the stream stamps sequence and send time.</summary>
internal static class LiveMessages
{
    public static ServerMessage Heartbeat(DateTimeOffset now, string replica) => new()
    {
        Heartbeat = new Heartbeat { ServerTimeUnixMs = now.ToUnixTimeMilliseconds(), Replica = replica },
    };

    public static ServerMessage TokenRefresh(IssuedToken token, string reason) => new()
    {
        TokenRefresh = new TokenRefresh
        {
            Token = token.Text,
            TokenSequence = token.Sequence,
            FreshUntilUnixMs = token.FreshUntil.ToUnixTimeMilliseconds(),
            Reason = reason,
        },
    };

    public static ServerMessage Revocation(string reason, string? detail, long eventSequence, DateTimeOffset eventTime) => new()
    {
        Revocation = new Revocation
        {
            Reason = reason,
            Detail = detail ?? string.Empty,
            EventSequence = eventSequence,
            EventTimeUnixMs = eventTime.ToUnixTimeMilliseconds(),
        },
    };
}
