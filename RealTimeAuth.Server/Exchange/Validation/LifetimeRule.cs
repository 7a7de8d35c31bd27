namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// The subject token is inside its lifetime, give or take <see cref="ClockSkew"/>: a JWT must carry <c>exp</c>
/// (RFC 7519 §4.1.4) and may carry <c>nbf</c> (§4.1.5); an introspection response's <c>exp</c> is optional (RFC 7662 §2.2).
/// </summary>
internal static class LifetimeRule
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>For the JWT handler's lifetime validator: false refuses the token as <see cref="ExchangeRejectionReasons.TokenExpired"/>.</summary>
    public static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is { } exp && exp + ClockSkew >= now && (notBefore is not { } nbf || nbf - ClockSkew <= now);

    public static SubjectTokenResult? CheckIntrospected(string? exp, DateTimeOffset now) =>
        long.TryParse(exp, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) + ClockSkew < now
            ? Refusal()
            : null;

    public static SubjectTokenResult Refusal() =>
        SubjectTokenResult.Invalid(ExchangeRejectionReasons.TokenExpired, "The subject token has expired.");
}
