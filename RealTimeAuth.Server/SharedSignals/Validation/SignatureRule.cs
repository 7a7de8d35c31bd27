using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// RFC 8935 §2 (the SET is authentic) and SSF 1.0 §4.1: the signature verifies with a key of the stream's
/// transmitter, chosen by <c>kid</c>. The key must fit the algorithm (RSA for RS*/PS*, the matching EC curve for
/// ES*), be meant for signatures, and not name another algorithm; keys carried in the SET itself are never used.
/// </summary>
internal static class SignatureRule
{
    private const int MaxKeysTried = 8;
    private const int MinRsaKeySize = 2048;

    public static async Task<SetRejection?> CheckAsync(
        SecurityEventToken token, SsfStreamDescriptor stream, TransmitterKeyStore keys, CancellationToken cancellationToken)
    {
        var alg = token.HeaderString("alg")!;
        var kid = token.HeaderString("kid");
        var candidates = (await keys.FindAsync(stream, kid, cancellationToken)).Where(key => Fits(key, alg)).Take(MaxKeysTried).ToList();
        if (candidates.Count == 0)
        {
            return SetRejection.InvalidKey(SetRejectionReasons.UnknownKey,
                kid is null ? $"No key of the transmitter fits {alg}." : $"Key ID {kid} is not a signing key of the transmitter for {alg}.");
        }

        return candidates.Any(key => Verifies(key, alg, token))
            ? null
            : SetRejection.InvalidKey(SetRejectionReasons.BadSignature, "The SET's signature does not verify with the transmitter's key.");
    }

    internal static bool Fits(JsonWebKey key, string alg)
    {
        if ((key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig)
            || (key.Alg is { Length: > 0 } keyAlg && keyAlg != alg)
            || (key.KeyOps.Count > 0 && !key.KeyOps.Contains("verify")))
        {
            return false;
        }

        return alg[..2] switch
        {
            "RS" or "PS" => key.Kty == JsonWebAlgorithmsKeyTypes.RSA && key.KeySize >= MinRsaKeySize,
            "ES" => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Crv == CurveFor(alg),
            _ => false,
        };
    }

    private static string? CurveFor(string alg) => alg switch
    {
        SecurityAlgorithms.EcdsaSha256 => JsonWebKeyECTypes.P256,
        SecurityAlgorithms.EcdsaSha384 => JsonWebKeyECTypes.P384,
        SecurityAlgorithms.EcdsaSha512 => JsonWebKeyECTypes.P521,
        _ => null,
    };

    private static bool Verifies(JsonWebKey key, string alg, SecurityEventToken token)
    {
        var factory = key.CryptoProviderFactory ?? CryptoProviderFactory.Default;
        if (!factory.IsSupportedAlgorithm(alg, key))
        {
            return false;
        }

        SignatureProvider? provider = null;
        try
        {
            provider = factory.CreateForVerifying(key, alg);
            return provider.Verify(token.SigningInput, token.Signature);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or InvalidOperationException
            or System.Security.Cryptography.CryptographicException)
        {
            // A malformed key in the JWKS, or a signature of the wrong length: not a verifying key.
            return false;
        }
        finally
        {
            if (provider is not null)
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }
    }
}
