using RealTimeAuth.Protocol.Scopes;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// The scope rule every decision starts with (<see cref="PolicyAuthorizationDecider"/>; alone when no policy is
/// active): allows exactly the actions the session's granted scopes cover (<see cref="RtaScope.Covers"/>) and nothing else.
/// </summary>
internal static class ScopeAuthorizationDecider
{
    internal static AuthorizationDecision Decide(SessionState session, AuthorizationQuery query) =>
        IsGranted(session, query.ResourceType, query.Action)
            ? AuthorizationDecision.Allow()
            : AuthorizationDecision.Deny(DecisionReasons.ScopeMissing);

    private static bool IsGranted(SessionState session, string resourceType, string action)
    {
        foreach (var text in session.Scopes)
        {
            if (RtaScope.TryParse(text, out var scope) && scope.Covers(resourceType, action))
            {
                return true;
            }
        }

        return false;
    }
}
