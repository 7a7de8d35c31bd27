using System.Collections.Immutable;
using RealTimeAuth.Server.Policies;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Decisions;

/// <summary>
/// The live channel's PDP. The session's granted scopes must cover the request (the scope-only rule) and,
/// when a policy is active, the policy must allow it too: a scope never overrides a policy deny. The
/// policy sees the user as subject (from the session context's <c>user.*</c>, else the session's subject,
/// enriched from the directory) and the acting agent with its chain of agent ids from the root session.
/// Without an active policy (<c>Policies:File</c> unset) decisions stay scope-only.
/// </summary>
internal sealed class PolicyAuthorizationDecider(ActivePolicy active, SessionCache sessions, TimeProvider timeProvider) : IAuthorizationDecider
{
    public ValueTask<AuthorizationDecision> DecideAsync(SessionState session, AuthorizationQuery query, CancellationToken cancellationToken)
    {
        var policy = active.Current;
        var scoped = ScopeAuthorizationDecider.Decide(session, query);
        if (policy is null)
        {
            return ValueTask.FromResult(scoped);
        }

        if (!scoped.Allowed)
        {
            return ValueTask.FromResult(AuthorizationDecision.Deny(scoped.Reason, policy.Version));
        }

        var decision = policy.PolicySet.Evaluate(new DecisionRequest
        {
            Subject = SubjectEnrichment.Enrich(ToSubject(session), policy.Directory),
            Agent = SecurityContextMapping.ToAgent(session.Context, Chain(session)),
            Action = query.Action,
            Resource = new PolicyResource { Type = query.ResourceType, Id = query.ResourceId, Properties = query.ResourceProperties },
            RequestContext = query.Context,
            Time = timeProvider.GetUtcNow(),
        });
        return ValueTask.FromResult(new AuthorizationDecision(decision.Allowed, decision.Reason, decision.PolicyVersion));
    }

    private static PolicySubject ToSubject(SessionState session) =>
        session.Context.Attributes.ContainsKey(SecurityContextMapping.SubjectAttribute)
            ? SecurityContextMapping.ToSubject(session.Context)
            : new PolicySubject { Type = "user", Id = session.Subject };

    /// <summary>Agent ids from the root session to this one, walking parents in the local session cache.</summary>
    private ImmutableArray<string> Chain(SessionState session)
    {
        var chain = new List<string>(session.Depth + 1);
        for (SessionState? current = session; current is not null && chain.Count <= session.Depth; current = current.ParentId is { } parent ? sessions.Find(parent) : null)
        {
            chain.Add(current.Agent.Id);
        }

        chain.Reverse();
        return [.. chain];
    }
}
