using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>Signs a session's current state into an RTAToken with the active key.</summary>
public sealed class SessionTokenIssuer(RtaTokenIssuer issuer, TimeProvider timeProvider, IOptions<RtaTokenValidationOptions> options)
{
    public TimeSpan FreshnessWindow => options.Value.FreshnessWindow;

    public IssuedToken Issue(SessionState session, uint sequence)
    {
        var issuedAt = timeProvider.GetUtcNow();
        var token = issuer.Issue(new RtaTokenClaims(session.Id, sequence, session.ContextHash, issuedAt.ToUnixTimeMilliseconds()));
        return new IssuedToken(RtaTokenText.Encode(token), sequence, issuedAt + FreshnessWindow);
    }
}
