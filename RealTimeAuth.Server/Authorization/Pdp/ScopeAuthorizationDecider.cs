using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// The scope rule every decision starts with (<see cref="PolicyAuthorizationDecider"/>; alone when no policy is
/// active): allows exactly the actions the session's granted scopes name and nothing else. A scope reads <c>&lt;resourceType&gt;:&lt;action&gt;</c> (<c>documents:read</c>);
/// <c>&lt;resourceType&gt;:*</c> allows every action on that type. There is no wildcard type.
/// </summary>
internal static class ScopeAuthorizationDecider
{
    private const char Separator = ':';
    private const string Wildcard = "*";

    internal static AuthorizationDecision Decide(SessionState session, AuthorizationQuery query) =>
        IsGranted(session, query.ResourceType, query.Action)
            ? AuthorizationDecision.Allow()
            : AuthorizationDecision.Deny(DecisionReasons.ScopeMissing);

    private static bool IsGranted(SessionState session, string resourceType, string action)
    {
        // A separator or wildcard inside a name would let one scope match another type or action.
        if (!IsName(resourceType) || !IsName(action))
        {
            return false;
        }

        foreach (var scope in session.Scopes)
        {
            if (Matches(scope, resourceType, action))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string scope, string resourceType, string action)
    {
        var span = scope.AsSpan();
        if (span.Length <= resourceType.Length + 1
            || !span.StartsWith(resourceType, StringComparison.Ordinal)
            || span[resourceType.Length] != Separator)
        {
            return false;
        }

        var granted = span[(resourceType.Length + 1)..];
        return granted.SequenceEqual(action) || granted.SequenceEqual(Wildcard);
    }

    private static bool IsName(string value) =>
        value.Length > 0 && value != Wildcard && !value.Contains(Separator, StringComparison.Ordinal);
}
