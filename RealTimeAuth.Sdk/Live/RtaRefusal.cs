using Grpc.Core;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Live;

/// <summary>What a refused token (gRPC <c>Unauthenticated</c> with an <c>rta-reason</c> trailer) means for the session.</summary>
internal static class RtaRefusal
{
    public const string ReasonTrailer = "rta-reason";

    /// <summary>The server's token status for a token past its lifetime.</summary>
    public const string TokenExpired = "token-expired";

    public const string Unknown = "unauthenticated";

    /// <summary>
    /// How the revocation codes of <see cref="RtaRevocationReasons"/> that name a revoked session end
    /// (<see cref="RtaRevocationReasons.SessionRevoked"/>, <see cref="RtaRevocationReasons.AncestorRevoked"/>,
    /// <see cref="RtaRevocationReasons.UserRevoked"/>, <see cref="RtaRevocationReasons.PolicyRevoked"/>, …).
    /// </summary>
    private const string RevokedSuffix = "-revoked";

    public static bool IsRefusal(Exception exception) =>
        exception is RpcException { StatusCode: StatusCode.Unauthenticated };

    public static string ReasonOf(RpcException exception) =>
        exception.Trailers.GetValue(ReasonTrailer) is { Length: > 0 } reason ? reason : Unknown;

    /// <summary>
    /// A refused stream can never be resumed with the token the client holds, so every reason ends the session:
    /// <c>token-expired</c> as <see cref="RtaConnectionState.Expired"/>, anything else as <see cref="RtaConnectionState.Revoked"/>.
    /// </summary>
    public static RtaConnectionState OnStream(string reason) =>
        reason == TokenExpired ? RtaConnectionState.Expired : RtaConnectionState.Revoked;

    /// <summary>
    /// A refused call ends the session only when the reason says so (<see cref="TokenExpired"/>, or a revocation code
    /// ending in <see cref="RevokedSuffix"/>); a stale-context refusal is left to the live channel, which is about to
    /// deliver the fresh token.
    /// </summary>
    public static RtaConnectionState? OnCall(string reason) =>
        reason == TokenExpired ? RtaConnectionState.Expired
        : reason.EndsWith(RevokedSuffix, StringComparison.Ordinal) ? RtaConnectionState.Revoked
        : null;
}
