using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>Which validated tokens may open a stream, and what the stream needs to know of the token.</summary>
internal static class LiveAdmission
{
    /// <summary>
    /// A request needs a valid token. A stream also opens for a genuine, fresh token whose session moved
    /// on while its client was away: with an old ContextHash it receives a fresh token at once, and for a
    /// revoked session it receives the revocation and ends. Both statuses are reached only after the
    /// signature and freshness checks passed.
    /// </summary>
    public static bool AdmitsStream(SessionTokenResult result) =>
        result.Session is not null
        && result.Status is SessionTokenStatus.Valid or SessionTokenStatus.StaleContext or SessionTokenStatus.SessionRevoked;

    /// <summary>The issue time of the token in a header that passed validation.</summary>
    public static DateTimeOffset IssuedAt(string headerValue)
    {
        Span<byte> token = stackalloc byte[RtaTokenLayout.Length];
        if (!RtaAuthorizationHeader.TryGetToken(headerValue, out var text)
            || !RtaTokenText.TryDecode(text, token)
            || !RtaTokenView.TryCreate(token, out var view))
        {
            throw new InvalidOperationException("The token was validated, so its header must parse.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(view.ToClaims().IssuedAtUnixMilliseconds);
    }

    public static LiveStreamStart Start(ulong resumeAfter, SessionTokenResult result, string headerValue) =>
        new(resumeAfter, result.Status == SessionTokenStatus.StaleContext, IssuedAt(headerValue));
}
