namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>One normalised user identifier, the key of a <c>subject_status</c> row.</summary>
public sealed record SubjectKey(string Format, string Issuer, string Value)
{
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Digits and a leading plus only: <c>+1 206 555 0123</c> → <c>+12065550123</c>.</summary>
    public static string NormalisePhone(string phone)
    {
        var trimmed = phone.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }
}
