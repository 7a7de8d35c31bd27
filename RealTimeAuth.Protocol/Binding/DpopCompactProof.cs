namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The three parts of a compact JWS (RFC 7515 §7.1) as text, split without decoding. The signature part must be the
/// 86 characters of a 64-byte Ed25519 signature; whether each part is canonical base64url is decided when it is decoded.
/// </summary>
internal readonly ref struct DpopCompactProof
{
    public const int EncodedSignatureLength = 86;

    private DpopCompactProof(ReadOnlySpan<char> proof, int firstDot, int secondDot)
    {
        Header = proof[..firstDot];
        Payload = proof[(firstDot + 1)..secondDot];
        Signature = proof[(secondDot + 1)..];
        SigningInput = proof[..secondDot];
    }

    public ReadOnlySpan<char> Header { get; }

    public ReadOnlySpan<char> Payload { get; }

    public ReadOnlySpan<char> Signature { get; }

    /// <summary>Header, '.', payload: the text the signature covers (RFC 7515 §5.2), exactly as it arrived.</summary>
    public ReadOnlySpan<char> SigningInput { get; }

    public static bool TrySplit(ReadOnlySpan<char> proof, out DpopCompactProof parts)
    {
        parts = default;
        var firstDot = proof.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : proof[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (firstDot <= 0 || secondDot <= firstDot + 1 || proof.Length - secondDot - 1 != EncodedSignatureLength
            || proof[(secondDot + 1)..].Contains('.'))
        {
            return false;
        }

        parts = new DpopCompactProof(proof, firstDot, secondDot);
        return true;
    }
}
