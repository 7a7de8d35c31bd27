using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Decides whether an active session may perform an action now. The session's token has already been
/// validated against the live state; the decider only judges the request. The policy decision point
/// replaces the scope-only implementation behind this interface.
/// </summary>
public interface IAuthorizationDecider
{
    ValueTask<AuthorizationDecision> DecideAsync(SessionState session, AuthorizationQuery query, CancellationToken cancellationToken);
}
