using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Exchange;

/// <summary>A validated subject token's user, or why it was refused (the description is safe to return).</summary>
internal sealed record SubjectTokenResult(
    SubjectTokenOutcome Outcome, string? Issuer, string? Subject, SecurityContext? UserContext, string? Description)
{
    public static SubjectTokenResult Valid(string issuer, string subject, SecurityContext context) =>
        new(SubjectTokenOutcome.Valid, issuer, subject, context, null);

    public static SubjectTokenResult Invalid(string description) => new(SubjectTokenOutcome.Invalid, null, null, null, description);

    public static SubjectTokenResult Unavailable(string description) => new(SubjectTokenOutcome.IssuerUnavailable, null, null, null, description);
}
