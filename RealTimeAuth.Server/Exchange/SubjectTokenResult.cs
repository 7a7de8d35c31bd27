using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// A validated subject token's user, or why it was refused: a <see cref="ExchangeRejectionReasons"/> code and a
/// description safe to return.
/// </summary>
internal sealed record SubjectTokenResult(
    SubjectTokenOutcome Outcome, string? Issuer, string? Subject, SecurityContext? UserContext, string? Reason, string? Description,
    string? IdpSessionId = null)
{
    /// <summary>The IdP client the token was issued to (<c>azp</c>, else <c>client_id</c>); null when it names none.</summary>
    public string? IdpClient { get; init; }

    /// <summary>The RTA scopes the token's own scopes grant; null when the token carries no scope.</summary>
    public IReadOnlySet<string>? GrantableScopes { get; init; }

    /// <summary>A valid token's user; <paramref name="idpSessionId"/> is its <c>sid</c> claim, when the IdP names its session.</summary>
    public static SubjectTokenResult Valid(string issuer, string subject, SecurityContext context, string? idpSessionId = null) =>
        new(SubjectTokenOutcome.Valid, issuer, subject, context, null, null, idpSessionId);

    public static SubjectTokenResult Invalid(string reason, string description) =>
        new(SubjectTokenOutcome.Invalid, null, null, null, reason, description);

    public static SubjectTokenResult Unavailable(string reason, string description) =>
        new(SubjectTokenOutcome.IssuerUnavailable, null, null, null, reason, description);
}
