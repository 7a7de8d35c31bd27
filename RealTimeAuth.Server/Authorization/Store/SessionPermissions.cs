using System.Collections.Immutable;
using RealTimeAuth.Policies;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Scopes;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// A session's effective permissions under a policy: each granted <see cref="RtaScope"/>
/// (<c>type:*</c> expanded to the actions the policy names for that type) that the policy could allow the
/// session's user, enriched from the directory, through its agent chain (see <see cref="CompiledPolicySet.Analyze"/>).
/// Kept sorted in the session context as <see cref="Attribute"/>, so the ContextHash changes when they do.
/// </summary>
public sealed class SessionPermissions(SessionCache sessions)
{
    /// <summary>The session-context attribute holding the sorted permission list.</summary>
    public const string Attribute = "rta.permissions";

    /// <summary>The permissions stored in <paramref name="context"/>; null when none are (no policy was active).</summary>
    public static ImmutableArray<string>? Stored(SecurityContext context) =>
        context.Attributes.TryGetValue(Attribute, out var value) && value.Kind == SecurityAttributeKind.StringList
            ? value.AsStringList()
            : null;

    /// <summary>The permissions of <paramref name="session"/> under <paramref name="policy"/>, with the context given (default: the session's).</summary>
    public ImmutableArray<string> Compute(PolicySnapshot policy, SessionState session, SecurityContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(session);
        context ??= session.Context;
        var subject = SessionSubjects.Enriched(session.Issuer, session.Subject, context, policy.Directory);
        var agent = SecurityContextMapping.ToAgent(context, SessionSubjects.Chain(session, sessions));
        var granted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in session.Scopes)
        {
            // A scope the grammar does not take covers nothing, so it grants no permission either.
            if (!RtaScope.TryParse(text, out var scope))
            {
                continue;
            }

            var type = scope.ResourceType;
            var actions = scope.IsWildcard ? policy.PolicySet.ActionsFor(type) : [scope.Action];
            foreach (var name in actions)
            {
                if (policy.PolicySet.Analyze(subject, agent, name, type) != PermissionLevel.Denied)
                {
                    granted.Add(type + RtaScope.Separator + name);
                }
            }
        }

        return [.. granted];
    }

    /// <summary><paramref name="context"/> with <paramref name="permissions"/> stored, or without any when null.</summary>
    public static SecurityContext With(SecurityContext context, ImmutableArray<string>? permissions) =>
        permissions is { } list ? context.With(Attribute, SecurityAttributeValue.FromStringList(list)) : context.Without(Attribute);
}
