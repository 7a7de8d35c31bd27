using System.Text.Json;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// RFC 8417 §2.2: <c>iat</c> is required. It may be at most the clock skew in the future, and at most
/// <see cref="SharedSignalsOptions.MaxSetAge"/> old, which bounds how long a <c>jti</c> must be remembered.
/// </summary>
internal static class IssuedAtRule
{
    public static (DateTimeOffset IssuedAt, SetRejection? Rejection) Check(SecurityEventToken token, DateTimeOffset now, TimeSpan skew, TimeSpan maxAge)
    {
        if (!token.Claims.TryGetProperty("iat", out var iat) || iat.ValueKind != JsonValueKind.Number || !iat.TryGetDouble(out var seconds)
            || double.IsNaN(seconds) || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return (default, SetRejection.InvalidRequest(SetRejectionReasons.IatMissing, "The SET has no valid iat (a NumericDate)."));
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        if (issuedAt > now + skew)
        {
            return (issuedAt, SetRejection.InvalidRequest(SetRejectionReasons.IatFuture,
                $"The SET's iat ({issuedAt:O}) is in the future beyond the allowed clock skew of {skew.TotalSeconds:0} s."));
        }

        return issuedAt < now - maxAge
            ? (issuedAt, SetRejection.InvalidRequest(SetRejectionReasons.IatTooOld, $"The SET's iat ({issuedAt:O}) is older than {maxAge.TotalHours:0} hours."))
            : (issuedAt, null);
    }
}
