using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace RealTimeAuth.IntegrationTests.Exchange;

/// <summary>
/// DPoP proofs written by hand, for the shapes <c>DpopProofWriter</c> refuses to make: another algorithm, a malformed or
/// private JWK. Each is a compact JWS really signed with an Ed25519 key, so only the rule under test can refuse it.
/// </summary>
internal static class HandWrittenProofs
{
    /// <summary>A proof with <paramref name="header"/> as its JOSE header and fresh, correct claims for <c>POST</c> to <paramref name="htu"/>.</summary>
    public static string Post(string header, Uri htu, Key key)
    {
        var claims = $$"""{"jti":"{{Guid.NewGuid():N}}","htm":"POST","htu":"{{htu.AbsoluteUri}}","iat":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}""";
        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The public JWK members of <paramref name="key"/>, without braces, so a test can add or change one.</summary>
    public static string JwkMembers(Key key) =>
        "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.EncodeToString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) + "\"";

    /// <summary>Random bytes in base64url, standing in for a private key or a short <c>x</c>.</summary>
    public static string RandomBase64Url(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A new Ed25519 key for hand-written proofs.</summary>
    public static Key NewKey() => Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>Changes one character in the middle of the signature part, so the proof keeps its shape but not its signature.</summary>
    public static string TamperSignature(string proof)
    {
        var index = proof.LastIndexOf('.') + 20;
        var swapped = proof[index] == 'A' ? 'B' : 'A';
        return string.Concat(proof.AsSpan(0, index), swapped.ToString(), proof.AsSpan(index + 1));
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
