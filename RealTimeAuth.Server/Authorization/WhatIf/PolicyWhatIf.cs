using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.WhatIf;

/// <summary>
/// Evaluates a stored version against the active one without publishing it: the live sessions of this replica
/// whose permissions would change, and the decisions of this replica's recent-decision ring that would flip.
/// </summary>
public sealed class PolicyWhatIf(
    RtaDbContext db, ActivePolicy active, SessionCache cache, SessionPermissions permissions, RecentDecisionRing recent, TimeProvider timeProvider)
{
    public const string Revoke = "revoke";
    public const string Narrow = "narrow";
    public const string Widen = "widen";

    public async Task<WhatIfResponse?> EvaluateAsync(int version, CancellationToken cancellationToken)
    {
        var row = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Version == version, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var current = active.Current;
        var directory = current?.Directory ?? await PolicySnapshotLoader.LoadDirectoryAsync(db, cancellationToken);
        var resources = current?.Resources ?? await PolicySnapshotLoader.LoadResourcesAsync(db, cancellationToken);
        var candidate = PolicySnapshotLoader.Compile(row, directory) with { Resources = resources };
        var live = cache.Sessions.Where(session => session.IsActive).ToList();
        var sessions = live.Select(session => CompareSession(session, current, candidate)).OfType<WhatIfSession>().ToList();
        var decisions = recent.Snapshot();
        var flips = decisions.Select(decision => CompareDecision(decision, current, candidate)).OfType<WhatIfDecision>().Reverse().ToList();
        return new WhatIfResponse(
            version,
            current is null ? null : int.Parse(current.Version, NumberStyles.None, CultureInfo.InvariantCulture),
            live.Count,
            decisions.Count,
            sessions,
            flips);
    }

    private WhatIfSession? CompareSession(SessionState session, PolicySnapshot? current, PolicySnapshot candidate)
    {
        var before = current is null ? session.Scopes : SessionPermissions.Stored(session.Context) ?? permissions.Compute(current, session);
        var after = permissions.Compute(candidate, session);
        if (before.SequenceEqual(after))
        {
            return null;
        }

        var outcome = after.IsEmpty ? Revoke : before.Except(after).Any() ? Narrow : Widen;
        return new WhatIfSession(session.Id, session.Subject, session.Agent.Id, session.Agent.Kind, outcome, before, after);
    }

    private WhatIfDecision? CompareDecision(RecentDecision decision, PolicySnapshot? current, PolicySnapshot candidate)
    {
        var record = decision.Record;
        (bool Allowed, string? Reason) before, after;
        if (decision.LiveQuery is { } query)
        {
            if (record.SessionId is not { } id || cache.Find(id) is not { IsActive: true } session)
            {
                return null;
            }

            var now = timeProvider.GetUtcNow();
            var was = PolicyAuthorizationDecider.Decide(current, session, query, cache, now);
            var would = PolicyAuthorizationDecider.Decide(candidate, session, query, cache, now);
            (before, after) = ((was.Allowed, was.Reason), (would.Allowed, would.Reason));
        }
        else if (decision.AuthZenRequest is { } request)
        {
            before = Evaluate(current, request);
            after = Evaluate(candidate, request);
        }
        else
        {
            return null;
        }

        return before.Allowed == after.Allowed ? null : new WhatIfDecision(
            record.Time, record.SessionId, record.User, record.AgentChain, record.Action, record.ResourceType, record.ResourceId,
            before.Allowed, after.Allowed, before.Reason, after.Reason);
    }

    private static (bool Allowed, string? Reason) Evaluate(PolicySnapshot? policy, DecisionRequest request)
    {
        if (policy is null)
        {
            return (false, DecisionReasons.NoPolicy);
        }

        var decision = policy.PolicySet.Evaluate(request with { Subject = SubjectEnrichment.Enrich(request.Subject, policy.Directory) });
        return (decision.Allowed, decision.Reason);
    }
}
