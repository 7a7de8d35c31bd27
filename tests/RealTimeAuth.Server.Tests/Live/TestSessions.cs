using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>Session snapshots for unit tests, without a database.</summary>
internal static class TestSessions
{
    public static SessionState Active(params string[] scopes) => new()
    {
        Id = Guid.NewGuid(),
        RootId = Guid.NewGuid(),
        Depth = 0,
        Issuer = "https://idp.test",
        Subject = "alice",
        ClientId = "agent",
        Agent = new AgentIdentity("agent-1", "Agent", "agent", null),
        Scopes = [.. scopes.Order(StringComparer.Ordinal)],
        Context = SecurityContext.Empty,
        ContextHash = SecurityContext.Empty.ComputeHash(),
        TokenSequence = 1,
        Status = SessionStatus.Active,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public static SessionState ChildOf(SessionState parent) =>
        Active() with { ParentId = parent.Id, RootId = parent.RootId, Depth = parent.Depth + 1 };

    public static SessionState Revoked(SessionState session, DateTimeOffset at, string reason = RtaRevocationReasons.SessionRevoked) =>
        session with { Status = SessionStatus.Revoked, RevokedAt = at, RevocationReason = reason };
}
