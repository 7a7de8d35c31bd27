using Grpc.Core;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>The gRPC statuses of the live channel; each carries its stable reason in the detail and in the <c>rta-reason</c> trailer.</summary>
internal static class LiveRpcErrors
{
    public const string ReasonTrailer = "rta-reason";

    /// <summary>
    /// A refused token is <c>Unauthenticated</c>; a replica that cannot prove it is current is
    /// <c>Unavailable</c>, which tells the client to retry, possibly on another replica.
    /// </summary>
    public static RpcException Refused(SessionTokenStatus status) =>
        Error(status == SessionTokenStatus.ReplicaNotCurrent ? StatusCode.Unavailable : StatusCode.Unauthenticated, status.ToWire());

    /// <summary>
    /// A refused proof of possession is <c>Unauthenticated</c> with its reason; a replay check that could not be made
    /// is <c>Unavailable</c>, so the client retries with a fresh proof.
    /// </summary>
    public static RpcException ProofRefused(ProofCheck check) =>
        Error(check.IsUnavailable ? StatusCode.Unavailable : StatusCode.Unauthenticated, check.Reason!);

    /// <summary>
    /// A stream the hub dropped: <c>Aborted</c> when a newer stream of the session took over (the client holding the
    /// key already has it), <c>ResourceExhausted</c> when the client did not drain its queue (it should reconnect).
    /// </summary>
    public static RpcException Dropped(string reason) =>
        Error(reason == RtaStreamCloseReasons.Superseded ? StatusCode.Aborted : StatusCode.ResourceExhausted, reason);

    public static RpcException InvalidArgument(string reason) => Error(StatusCode.InvalidArgument, reason);

    private static RpcException Error(StatusCode code, string reason) =>
        new(new Status(code, reason), new Metadata { { ReasonTrailer, reason } });
}
