using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>Issues the next token of an active session, with the next sequence recorded on its row.</summary>
public sealed class SessionTokenRefresher(RtaDbContext db, SessionCache cache, SessionTokenIssuer tokens)
{
    private const string Active = nameof(SessionStatus.Active);

    /// <summary>A fresh token for an active session, with the next sequence; null if it is no longer active.</summary>
    public async Task<IssuedToken?> RefreshTokenAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var sequences = await db.Database
            .SqlQuery<long>($"UPDATE sessions SET token_sequence = token_sequence + 1 WHERE id = {sessionId} AND status = {Active} RETURNING token_sequence AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (sequences.Count == 0 || cache.Find(sessionId) is not { IsActive: true } session)
        {
            return null;
        }

        var sequence = (uint)sequences[0];
        cache.RecordTokenSequence(sessionId, sequence);
        return tokens.Issue(session, sequence);
    }
}
