namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>RFC 7662 §2.2: an introspection response with <c>active</c> false means the token is not valid, whatever else it says.</summary>
internal static class ActiveRule
{
    public static SubjectTokenResult? Check(bool active) =>
        active ? null : SubjectTokenResult.Invalid(ExchangeRejectionReasons.TokenInactive, "The subject token is not active.");
}
