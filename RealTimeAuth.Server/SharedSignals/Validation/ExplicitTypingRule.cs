namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// SSF 1.0 §4.1.1 (explicit typing, RFC 8725 §3.11): the JOSE header's <c>typ</c> is <c>secevent+jwt</c>, so a SET
/// can never be taken for another kind of JWT. Media types compare case-insensitively and may carry the
/// <c>application/</c> prefix (RFC 7515 §4.1.9).
/// </summary>
internal static class ExplicitTypingRule
{
    public const string SetType = "secevent+jwt";

    public static SetRejection? Check(SecurityEventToken token)
    {
        var typ = token.HeaderString("typ");
        var bare = typ is not null && typ.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? typ["application/".Length..] : typ;
        return string.Equals(bare, SetType, StringComparison.OrdinalIgnoreCase)
            ? null
            : SetRejection.InvalidRequest(SetRejectionReasons.Typ, $"The JOSE header's typ must be '{SetType}'.");
    }
}
