using System.Buffers;
using System.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Validates a DPoP proof (RFC 9449 §4.3) bound to an Ed25519 key (RFC 8037). Cheap structural checks run first, then
/// the signature, then the claims against the request: a claim is compared only once it is known to be signed, so a
/// <see cref="DpopRejectionReasons.WrongUri"/> (say) means a genuine proof was used where it was not meant to be.
/// Never throws on any proof; every refusal is one of <see cref="DpopRejectionReasons"/>. The caller still checks that
/// the <c>jti</c> of a valid proof was not seen before (RFC 9449 §11.1). Stateless and thread-safe.
/// </summary>
public static class DpopProofValidator
{
    /// <summary>The longest proof read, in characters; a longer one is refused before any parsing.</summary>
    public const int MaxProofLength = 8192;

    private const int SignatureLength = 64;
    private const int StackBufferLength = 2048;

    /// <summary>Validates the value of a <c>DPoP</c> header against what the request expects.</summary>
    /// <exception cref="ArgumentException">An expectation is missing or malformed (a caller bug, never the proof's fault).</exception>
    public static DpopProofValidationResult Validate(ReadOnlySpan<char> proof, in DpopProofExpectations expected)
    {
        expected.ThrowIfInvalid();
        if (proof.IsEmpty)
        {
            return DpopProofValidationResult.Fail(DpopRejectionReasons.ProofMissing);
        }

        if (proof.Length > MaxProofLength)
        {
            return DpopProofValidationResult.Fail(DpopRejectionReasons.ProofTooLarge);
        }

        if (!DpopCompactProof.TrySplit(proof, out var parts))
        {
            return DpopProofValidationResult.Fail(DpopRejectionReasons.MalformedProof);
        }

        // Header JSON and its scratch, claims JSON and its scratch, then the ASCII signing input.
        var needed = (2 * StrictBase64Url.DecodedLength(parts.Header.Length))
            + (2 * StrictBase64Url.DecodedLength(parts.Payload.Length))
            + parts.SigningInput.Length;
        byte[]? rented = null;
        var buffer = needed <= StackBufferLength ? stackalloc byte[StackBufferLength] : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            return Validate(parts, expected, buffer);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static DpopProofValidationResult Validate(in DpopCompactProof parts, in DpopProofExpectations expected, Span<byte> buffer)
    {
        Span<byte> signature = stackalloc byte[SignatureLength];
        var headerLength = StrictBase64Url.DecodedLength(parts.Header.Length);
        var headerJson = buffer[..headerLength];
        if (!StrictBase64Url.TryDecode(parts.Signature, signature, out _)
            || !StrictBase64Url.TryDecode(parts.Header, headerJson, out var headerWritten)
            || !DpopHeader.TryRead(headerJson[..headerWritten], buffer.Slice(headerLength, headerLength), out var header))
        {
            return DpopProofValidationResult.Fail(DpopRejectionReasons.MalformedProof);
        }

        Span<byte> rawPublicKey = stackalloc byte[JwkThumbprint.PublicKeyLength];
        if ((DpopHeaderRules.CheckType(header) ?? DpopHeaderRules.CheckAlgorithm(header)) is { } headerRejection)
        {
            return DpopProofValidationResult.Fail(headerRejection);
        }

        if (DpopHeaderRules.CheckJwk(header, rawPublicKey, out var publicKey) is { } jwkRejection)
        {
            return DpopProofValidationResult.Fail(jwkRejection);
        }

        var rest = buffer[(2 * headerLength)..];
        var claimsLength = StrictBase64Url.DecodedLength(parts.Payload.Length);
        var claimsJson = rest[..claimsLength];
        if (!StrictBase64Url.TryDecode(parts.Payload, claimsJson, out var claimsWritten)
            || !DpopClaims.TryRead(claimsJson[..claimsWritten], rest.Slice(claimsLength, claimsLength), out var claims))
        {
            return DpopProofValidationResult.Fail(DpopRejectionReasons.MalformedProof);
        }

        if ((DpopClaimRules.CheckRequired(claims)
            ?? DpopSignatureRule.Check(parts.SigningInput, signature, publicKey!, rest[(2 * claimsLength)..])
            ?? DpopClaimRules.CheckMethod(claims, expected.Method)
            ?? DpopClaimRules.CheckUri(claims, expected.Uri)
            ?? DpopClaimRules.CheckIssuedAt(claims, expected.Now, expected.FreshnessWindow, expected.ClockSkew)
            ?? DpopBindingRules.CheckAccessTokenHash(claims, expected.AccessTokenHash)
            ?? DpopBindingRules.CheckNonce(claims, expected.Nonce)) is { } claimRejection)
        {
            return DpopProofValidationResult.Fail(claimRejection);
        }

        Span<char> thumbprint = stackalloc char[JwkThumbprint.Length];
        JwkThumbprint.Write(rawPublicKey, thumbprint);
        if (DpopBindingRules.CheckKey(thumbprint, expected.JwkThumbprint) is { } keyRejection)
        {
            return DpopProofValidationResult.Fail(keyRejection);
        }

        return DpopProofValidationResult.Success(
            new string(thumbprint),
            Encoding.UTF8.GetString(claims.Jti.Utf8),
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(claims.IssuedAtSeconds * 1000.0)));
    }
}
