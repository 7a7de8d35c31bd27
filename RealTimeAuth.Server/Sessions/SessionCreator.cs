using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Creates sessions: a root for a user, or a child delegated by an active parent, never holding more than it. The row
/// and its <c>session.created</c> entry are written in one transaction, batched with other exchanges' by
/// <see cref="SessionInsertBatcher"/>, and applied here before the call returns, so the caller's next request on this
/// replica already sees the session.
/// </summary>
public sealed class SessionCreator(
    SessionCache cache,
    SessionInsertBatcher inserts,
    IReplicaCurrency replica,
    SessionTokenIssuer tokens,
    TimeProvider timeProvider,
    IOptions<DelegationOptions> options,
    ISessionPermissionPolicy permissions,
    SessionLifetimePolicy lifetimes)
{
    public async Task<SessionCreationResult> CreateAsync(NewSessionRequest request, string actor, CancellationToken cancellationToken)
    {
        if (!replica.IsCurrent)
        {
            return SessionCreationResult.Fail(SessionCreationError.ReplicaNotCurrent);
        }

        SessionState? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = cache.Find(parentId);
            if (parent is not { IsActive: true } || parent.HasExpired(timeProvider.GetUtcNow()))
            {
                return SessionCreationResult.Fail(SessionCreationError.ParentNotActive);
            }

            if (parent.Depth + 1 > options.Value.MaxDelegationDepth)
            {
                return SessionCreationResult.Fail(SessionCreationError.DelegationTooDeep);
            }
        }

        var requested = SessionMapping.NormaliseScopes(request.RequestedScopes);
        if (parent is not null && requested.Any(scope => !parent.Scopes.Contains(scope)))
        {
            return SessionCreationResult.Fail(SessionCreationError.ScopeExceedsParent);
        }

        var scopes = parent is not null && requested.IsEmpty ? parent.Scopes : requested;
        if (request.ScopeLimit is { } limit)
        {
            scopes = [.. scopes.Where(limit.Contains)];
        }

        if (scopes.IsEmpty)
        {
            return SessionCreationResult.Fail(SessionCreationError.NoScopes);
        }

        var session = NewState(request, parent, scopes);
        var written = await inserts.InsertAsync(session, actor, cancellationToken);
        return written == SessionCreationError.None
            ? new SessionCreationResult(SessionCreationError.None, session, tokens.Issue(session, session.TokenSequence))
            : SessionCreationResult.Fail(written);
    }

    private SessionState NewState(NewSessionRequest request, SessionState? parent, System.Collections.Immutable.ImmutableArray<string> scopes)
    {
        var id = new Guid(RandomNumberGenerator.GetBytes(16), bigEndian: true);
        var context = parent is null
            ? SessionContextBuilder.ForRoot(request.UserContext, request.Agent, request.ClientId)
            : SessionContextBuilder.ForChild(parent, request.Agent, request.ClientId);
        var now = timeProvider.GetUtcNow();
        var session = new SessionState
        {
            Id = id,
            ParentId = parent?.Id,
            RootId = parent?.RootId ?? id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            Issuer = parent?.Issuer ?? request.Issuer,
            Subject = parent?.Subject ?? request.Subject,
            ClientId = request.ClientId,
            IdpSessionId = parent?.IdpSessionId ?? request.IdpSessionId,
            KeyThumbprint = request.KeyThumbprint,
            KeyChain = parent is null ? [request.KeyThumbprint] : parent.KeyChain.Add(request.KeyThumbprint),
            Agent = request.Agent,
            Scopes = scopes,
            Context = context,
            ContextHash = context.ComputeHash(),
            TokenSequence = 1,
            Status = SessionStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session = lifetimes.Apply(session, request, parent);
        return permissions.Grant(session, context) is { } grant
            ? session with { Context = grant.Context, ContextHash = grant.Context.ComputeHash() }
            : session;
    }
}
