namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>A subject token larger than any access token the exchange reads is refused before it is parsed.</summary>
internal static class SubjectTokenSizeRule
{
    public const int MaxLength = 16 * 1024;

    public static SubjectTokenResult? Check(string token) =>
        token.Length > MaxLength
            ? SubjectTokenResult.Invalid(ExchangeRejectionReasons.SubjectTokenTooLarge, "The subject token is too large.")
            : null;
}
