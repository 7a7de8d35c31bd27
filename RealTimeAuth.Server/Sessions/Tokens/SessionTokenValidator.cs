using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>
/// Decides whether a presented RTAToken may act now: the protocol checks (length, version, key,
/// freshness, signature), then the live state (replica current, session known and active,
/// not retired by a newer acknowledged token, ContextHash current, bound to the expected session). A valid signature
/// alone is never enough.
/// </summary>
public sealed class SessionTokenValidator(
    RtaTokenValidator tokens, SessionCache sessions, IReplicaCurrency replica, IRtaKeyRingRefresher keyRing, TimeProvider timeProvider)
{
    /// <summary>
    /// As <see cref="ValidateAuthorizationHeader"/>, but a well-formed token naming a key id this replica does not hold
    /// first makes the ring re-read its keys (bounded: one read per interval for all such tokens), then is checked once more.
    /// A key published a moment ago elsewhere is then accepted here; a forged id is refused <c>token-unknown-key</c>.
    /// </summary>
    public async ValueTask<SessionTokenResult> ValidateAuthorizationHeaderAsync(string? headerValue, Guid? expectedSession, CancellationToken cancellationToken)
    {
        var result = ValidateAuthorizationHeader(headerValue, expectedSession);
        if (result.Status != SessionTokenStatus.UnknownKey)
        {
            return result;
        }

        await keyRing.RefreshAsync(cancellationToken);
        return ValidateAuthorizationHeader(headerValue, expectedSession);
    }

    /// <summary>As <see cref="ValidateText"/>, with the key ring refreshed for an unknown key id as <see cref="ValidateAuthorizationHeaderAsync"/> does.</summary>
    public async ValueTask<SessionTokenResult> ValidateTextAsync(string tokenText, Guid? expectedSession, CancellationToken cancellationToken)
    {
        var result = ValidateText(tokenText, expectedSession);
        if (result.Status != SessionTokenStatus.UnknownKey)
        {
            return result;
        }

        await keyRing.RefreshAsync(cancellationToken);
        return ValidateText(tokenText, expectedSession);
    }

    public SessionTokenResult ValidateAuthorizationHeader(string? headerValue, Guid? expectedSession = null)
    {
        if (string.IsNullOrEmpty(headerValue))
        {
            return new(SessionTokenStatus.Missing, null);
        }

        var result = tokens.ValidateAuthorizationHeader(headerValue);
        return Check(result, expectedSession);
    }

    public SessionTokenResult ValidateText(ReadOnlySpan<char> tokenText, Guid? expectedSession = null) =>
        Check(tokens.ValidateText(tokenText), expectedSession);

    private SessionTokenResult Check(RtaTokenValidationResult result, Guid? expectedSession)
    {
        if (!result.IsValid)
        {
            return new(Map(result.Status), null);
        }

        // Fail closed: state this replica cannot prove current must not allow anything.
        if (!replica.IsCurrent)
        {
            return new(SessionTokenStatus.ReplicaNotCurrent, null);
        }

        var claims = result.Claims;
        if (sessions.Find(claims.SessionId) is not { } session)
        {
            return new(SessionTokenStatus.UnknownSession, null);
        }

        if (!session.IsActive)
        {
            return new(SessionTokenStatus.SessionRevoked, session);
        }

        // Exact at the deadline, whenever the sweep gets to revoking the session.
        if (session.HasExpired(timeProvider.GetUtcNow()))
        {
            return new(SessionTokenStatus.SessionExpired, null);
        }

        if (session.TokenCutoff is not null && session.IsTokenRetired(claims.Sequence, timeProvider.GetUtcNow()))
        {
            return new(SessionTokenStatus.TokenSuperseded, null);
        }

        if (claims.ContextHash != session.ContextHash)
        {
            return new(SessionTokenStatus.StaleContext, session);
        }

        if (expectedSession is { } expected && expected != session.Id)
        {
            return new(SessionTokenStatus.WrongSession, session);
        }

        return new(SessionTokenStatus.Valid, session);
    }

    private static SessionTokenStatus Map(RtaTokenValidationStatus status) => status switch
    {
        RtaTokenValidationStatus.UnknownVersion => SessionTokenStatus.UnknownVersion,
        RtaTokenValidationStatus.UnknownKeyId => SessionTokenStatus.UnknownKey,
        RtaTokenValidationStatus.NotYetValid => SessionTokenStatus.NotYetValid,
        RtaTokenValidationStatus.TooOld => SessionTokenStatus.Expired,
        RtaTokenValidationStatus.BadSignature => SessionTokenStatus.BadSignature,
        _ => SessionTokenStatus.Malformed,
    };
}
