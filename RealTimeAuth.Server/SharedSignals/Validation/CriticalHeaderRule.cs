namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>RFC 7515 §4.1.11: a JWS naming a critical extension the recipient does not understand must be rejected; this one understands none.</summary>
internal static class CriticalHeaderRule
{
    public static SetRejection? Check(SecurityEventToken token) =>
        token.Header.TryGetProperty("crit", out _)
            ? SetRejection.InvalidRequest(SetRejectionReasons.Crit, "The JOSE header names critical extensions, which are not supported.")
            : null;
}
