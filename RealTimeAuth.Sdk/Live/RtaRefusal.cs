using System.Collections.Frozen;
using System.Reflection;
using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Live;

/// <summary>
/// What a refused token means for the session: gRPC <c>Unauthenticated</c>, or any status whose reason is a binding code
/// (<see cref="DpopRejectionReasons"/>, <see cref="RtaBindingReasons"/>). The reason is the <c>rta-reason</c> trailer,
/// else the status detail when that is a code.
/// </summary>
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

    private const int MaxCodeLength = 64;

    private static readonly FrozenSet<string> BindingCodes = CodesOf(typeof(DpopRejectionReasons), typeof(RtaBindingReasons));

    /// <summary>Refusals that a fresh proof, a new nonce or a moment's wait can fix: the session goes on.</summary>
    private static readonly FrozenSet<string> Transient = FrozenSet.ToFrozenSet(
    [
        RtaBindingReasons.ReplayCheckUnavailable,
        RtaBindingReasons.ReplayedProof,
        RtaBindingReasons.StreamBindingUnknown,
        DpopRejectionReasons.NonceRequired,
        DpopRejectionReasons.WrongNonce,
    ], StringComparer.Ordinal);

    public static bool IsRefusal(Exception exception) =>
        exception is RpcException rpc && (rpc.StatusCode == StatusCode.Unauthenticated || BindingCodes.Contains(ReasonOf(rpc)));

    public static string ReasonOf(RpcException exception) =>
        exception.Trailers.GetValue(ReasonTrailer) is { Length: > 0 } reason ? reason
        : IsCode(exception.Status.Detail) ? exception.Status.Detail
        : Unknown;

    /// <summary>True when a stream ended because a newer stream of the same key replaced it.</summary>
    public static bool IsSuperseded(Exception? exception) =>
        exception is RpcException rpc && ReasonOf(rpc) == RtaStreamCloseReasons.Superseded;

    /// <summary>True for a refusal the session survives: retry with a fresh proof (after backoff on the stream).</summary>
    public static bool IsTransient(string reason) => Transient.Contains(reason);

    /// <summary>True when the server wants a proof carrying its nonce (RFC 9449 §8).</summary>
    public static bool AsksForNonce(string reason) =>
        reason is DpopRejectionReasons.NonceRequired or DpopRejectionReasons.WrongNonce;

    /// <summary>
    /// A refused stream can never be resumed with the token the client holds, so every reason ends the session:
    /// <c>token-expired</c> as <see cref="RtaConnectionState.Expired"/>, anything else as <see cref="RtaConnectionState.Revoked"/>.
    /// </summary>
    public static RtaConnectionState OnStream(string reason) =>
        reason == TokenExpired ? RtaConnectionState.Expired : RtaConnectionState.Revoked;

    /// <summary>
    /// A refused call ends the session only when the reason says so (<see cref="TokenExpired"/>, or a revocation code
    /// ending in <see cref="RevokedSuffix"/>, or <see cref="RtaRevocationReasons.SessionExpired"/>, which the sweep turns
    /// into a revocation); a stale-context refusal is left to the live channel, which is about to
    /// deliver the fresh token.
    /// </summary>
    public static RtaConnectionState? OnCall(string reason) =>
        reason == TokenExpired ? RtaConnectionState.Expired
        : reason.EndsWith(RevokedSuffix, StringComparison.Ordinal) || reason == RtaRevocationReasons.SessionExpired ? RtaConnectionState.Revoked
        : null;

    // A code is short kebab-case; a sentence in the detail is not read as one.
    private static bool IsCode(string? detail) =>
        detail is { Length: > 0 and <= MaxCodeLength } && detail.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static FrozenSet<string> CodesOf(params Type[] vocabularies) =>
        vocabularies
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToFrozenSet(StringComparer.Ordinal);
}
