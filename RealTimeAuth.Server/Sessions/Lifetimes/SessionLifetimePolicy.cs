using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// The one rule for a new session's lifetimes: the client's own when its registration names them, the configured
/// defaults otherwise, and for a child never more than its parent has left — its absolute expiry is at most the
/// parent's, its idle timeout at most the parent's (ADR 0018).
/// </summary>
public sealed class SessionLifetimePolicy(IOptions<SessionLifetimeOptions> options)
{
    public SessionState Apply(SessionState session, NewSessionRequest request, SessionState? parent)
    {
        var defaults = options.Value;
        var expiresAt = session.CreatedAt + (request.AbsoluteLifetime ?? defaults.AbsoluteLifetime);
        var idle = request.IdleLifetime ?? defaults.IdleLifetime;
        if (parent is not null)
        {
            expiresAt = expiresAt < parent.ExpiresAt ? expiresAt : parent.ExpiresAt;
            idle = idle < parent.IdleTimeout ? idle : parent.IdleTimeout;
        }

        return session with { ExpiresAt = ToMicroseconds(expiresAt), IdleTimeout = idle };
    }

    // PostgreSQL keeps microseconds: the expiry this replica holds must equal the one every other replica reads back.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
