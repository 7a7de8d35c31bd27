using System.Collections.Immutable;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions;

internal static class SessionMapping
{
    public static SessionState ToState(this SessionEntity entity) => new()
    {
        Id = entity.Id,
        ParentId = entity.ParentId,
        RootId = entity.RootId,
        Depth = entity.Depth,
        Issuer = entity.Issuer,
        Subject = entity.Subject,
        ClientId = entity.ClientId,
        Agent = new AgentIdentity(entity.AgentId, entity.AgentName, entity.AgentKind, entity.AgentSoftware),
        Scopes = [.. entity.Scopes.Order(StringComparer.Ordinal)],
        Context = SecurityContextJson.Deserialize(entity.Context),
        ContextHash = new RtaContextHash(entity.ContextHash),
        TokenSequence = (uint)entity.TokenSequence,
        Status = Enum.Parse<SessionStatus>(entity.Status),
        RevocationReason = entity.RevocationReason,
        RevocationDetail = entity.RevocationDetail,
        CreatedAt = entity.CreatedAt,
        UpdatedAt = entity.UpdatedAt,
        RevokedAt = entity.RevokedAt,
        IdpSessionId = entity.IdpSessionId,
        KeyThumbprint = entity.KeyThumbprint,
        KeyChain = [.. entity.KeyChain],
        ExpiresAt = entity.ExpiresAt,
        IdleTimeout = entity.IdleTimeout,
    };

    public static SessionEntity ToEntity(this SessionState state) => new()
    {
        Id = state.Id,
        ParentId = state.ParentId,
        RootId = state.RootId,
        Depth = state.Depth,
        Issuer = state.Issuer,
        Subject = state.Subject,
        ClientId = state.ClientId,
        AgentId = state.Agent.Id,
        AgentName = state.Agent.Name,
        AgentKind = state.Agent.Kind,
        AgentSoftware = state.Agent.Software,
        Scopes = [.. state.Scopes],
        Context = SecurityContextJson.Serialize(state.Context),
        ContextHash = state.ContextHash.ToArray(),
        TokenSequence = state.TokenSequence,
        Status = state.Status.ToString(),
        RevocationReason = state.RevocationReason,
        RevocationDetail = state.RevocationDetail,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        RevokedAt = state.RevokedAt,
        IdpSessionId = state.IdpSessionId,
        KeyThumbprint = state.KeyThumbprint,
        KeyChain = [.. state.KeyChain],
        ExpiresAt = state.ExpiresAt,
        IdleTimeout = state.IdleTimeout,
        // A new row: idle from its creation until activity is flushed.
        IdleExpiresAt = state.CreatedAt + state.IdleTimeout,
    };

    public static ImmutableArray<string> NormaliseScopes(IEnumerable<string> scopes) =>
        [.. scopes.Where(scope => scope.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
