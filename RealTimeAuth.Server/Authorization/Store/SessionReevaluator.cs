using System.Collections.Immutable;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Recomputes every live session's permissions under the active policy (after a publish or a directory import):
/// sessions whose permissions changed get the new context, so the pump pushes them a fresh token; sessions left
/// with none are revoked with their subtrees, reason <see cref="RtaRevocationReasons.PolicyRevoked"/>.
/// </summary>
public sealed partial class SessionReevaluator(
    ActivePolicy active, SessionCache cache, SessionPermissions permissions, SessionContextUpdates contexts, SessionRevocations revocations, ILogger<SessionReevaluator> logger)
{
    public const string ContextChangeReason = "policy-changed";

    // quiet: log only when something changed, for the periodic reconciliation.
    public async Task<ReevaluationResult> ReevaluateAsync(string cause, string actor, CancellationToken cancellationToken, bool quiet = false)
    {
        if (active.Current is not { } policy)
        {
            return ReevaluationResult.None;
        }

        var live = cache.Sessions.Where(session => session.IsActive).ToList();
        var changed = new List<Guid>();
        var emptied = new List<Guid>();
        foreach (var session in live)
        {
            var granted = permissions.Compute(policy, session);
            if (SessionPermissions.Stored(session.Context) is { } stored && stored.SequenceEqual(granted))
            {
                continue;
            }

            (granted.IsEmpty ? emptied : changed).Add(session.Id);
        }

        var refreshed = changed.Count == 0 ? [] : await contexts.UpdateContextsAsync(
            changed,
            (id, context) => cache.Find(id) is { } state ? SessionPermissions.With(context, permissions.Compute(policy, state, context)) : context,
            ContextChangeReason,
            actor,
            cancellationToken);
        var revoked = emptied.Count == 0
            ? ImmutableArray<Guid>.Empty
            : [.. (await revocations.RevokeManyAsync(emptied, RtaRevocationReasons.PolicyRevoked, $"no permission left under {cause}", actor, cancellationToken)).RevokedSessionIds];
        var refreshedLive = refreshed.Except(revoked).Count();
        if (!quiet || refreshedLive > 0 || revoked.Length > 0)
        {
            LogReevaluated(logger, cause, live.Count, refreshedLive, revoked.Length);
        }

        return new ReevaluationResult(live.Count, refreshedLive, revoked.Length);
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Information, Message = "Re-evaluated {Sessions} live sessions under {Cause}: {Refreshed} refreshed, {Revoked} revoked")]
    private static partial void LogReevaluated(ILogger logger, string cause, int sessions, int refreshed, int revoked);
}
