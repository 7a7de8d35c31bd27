using Microsoft.IdentityModel.Tokens;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// Only asymmetric signatures are accepted (RFC 8725 §3.1, §3.2): <c>none</c> is an unsigned SET, and an HMAC
/// algorithm would let anyone who holds the transmitter's public key forge one (algorithm confusion).
/// </summary>
internal static class AlgorithmRule
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    };

    public static SetRejection? Check(SecurityEventToken token)
    {
        var alg = token.HeaderString("alg");
        if (alg is null)
        {
            return SetRejection.InvalidRequest(SetRejectionReasons.Malformed, "The JOSE header has no alg.");
        }

        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return SetRejection.InvalidRequest(SetRejectionReasons.AlgNone, "Unsigned SETs (alg 'none') are not accepted.");
        }

        return Allowed.Contains(alg)
            ? null
            : SetRejection.InvalidKey(SetRejectionReasons.AlgNotAllowed, $"The algorithm '{alg}' is not accepted; sign with RS*, PS* or ES*.");
    }
}
