using Grpc.Core;
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

    public static RpcException Dropped(string reason) => Error(StatusCode.ResourceExhausted, reason);

    public static RpcException InvalidArgument(string reason) => Error(StatusCode.InvalidArgument, reason);

    private static RpcException Error(StatusCode code, string reason) =>
        new(new Status(code, reason), new Metadata { { ReasonTrailer, reason } });
}
