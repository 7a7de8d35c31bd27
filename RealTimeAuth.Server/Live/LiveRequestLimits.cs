using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Authorization.Limits;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The size limits of a live authorize call, JSON or gRPC (ADR 0019): the same <see cref="DecisionInputLimits"/> as
/// AuthZEN, so a decision the server takes is always one it can audit.
/// </summary>
internal static class LiveRequestLimits
{
    public static DecisionInputRefusal? Check(LiveAuthorizeRequest request) => DecisionInputLimits.Check(new DecisionInput(
        request.Action, request.Resource?.Type, request.Resource?.Id, request.Resource?.Properties, request.Context));

    public static DecisionInputRefusal? Check(AuthorizeRequest request) => DecisionInputLimits.Check(new DecisionInput(
        request.Action, request.Resource?.Type, request.Resource?.Id, request.Resource?.Properties, request.Context));
}
