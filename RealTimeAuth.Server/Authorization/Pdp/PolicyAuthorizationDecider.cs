using RealTimeAuth.Policies;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// The live channel's PDP. The session's granted scopes must cover the request (the scope-only rule) and,
/// when a policy is active, the policy must allow it too: a scope never overrides a policy deny. The
/// policy sees the user as subject (from the session context's <c>user.*</c>, else the session's subject,
/// enriched from the directory) and the acting agent with its chain of agent ids from the root session. The agent is
/// not trusted to describe the resource: what it sends is <c>resource.asserted</c>, and <c>resource.properties</c> come
/// from the resource directory (ADR 0017).
/// Without an active policy (<c>Policies:File</c> unset) decisions stay scope-only.
/// </summary>
internal sealed class PolicyAuthorizationDecider(ActivePolicy active, SessionCache sessions, TimeProvider timeProvider) : IAuthorizationDecider
{
    public ValueTask<AuthorizationDecision> DecideAsync(SessionState session, AuthorizationQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Decide(active.Current, session, query, sessions, timeProvider.GetUtcNow()));

    /// <summary>The decision <paramref name="policy"/> (scope-only when null) gives; also used to replay decisions for what-if.</summary>
    internal static AuthorizationDecision Decide(PolicySnapshot? policy, SessionState session, AuthorizationQuery query, SessionCache sessions, DateTimeOffset now)
    {
        var scoped = ScopeAuthorizationDecider.Decide(session, query);
        if (policy is null)
        {
            return scoped;
        }

        if (!scoped.Allowed)
        {
            return AuthorizationDecision.Deny(scoped.Reason, policy.Version);
        }

        var decision = policy.PolicySet.Evaluate(new DecisionRequest
        {
            Subject = SessionSubjects.Enriched(session.Issuer, session.Subject, session.Context, policy.Directory),
            Agent = SecurityContextMapping.ToAgent(session.Context, SessionSubjects.Chain(session, sessions)),
            Action = query.Action,
            Resource = ResourceEnrichment.FromAgent(policy.Resources, query.ResourceType, query.ResourceId, query.ResourceProperties),
            RequestContext = query.Context,
            Time = now,
        });
        return new AuthorizationDecision(decision.Allowed, decision.Reason, decision.PolicyVersion);
    }
}
