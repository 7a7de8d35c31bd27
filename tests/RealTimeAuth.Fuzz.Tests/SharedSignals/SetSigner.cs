using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RealTimeAuth.Fuzz.Tests.SharedSignals;

/// <summary>The transmitter's ES256 key, signing header and claims exactly as written, so mutated JSON gets a real signature.</summary>
internal sealed class SetSigner : IDisposable
{
    public const string KeyId = "fuzz-key-1";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string Header { get; } = """{"alg":"ES256","kid":"fuzz-key-1","typ":"secevent+jwt"}""";

    public string Jwks()
    {
        var parameters = _key.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = "ES256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public string Sign(string header, string claims)
    {
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>True when the compact JWS's third part is this key's signature over its first two (bits a decoder ignores included).</summary>
    public bool Signed(string compact)
    {
        var parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var signature = new byte[Base64Url.GetMaxDecodedLength(parts[2].Length)];
        return Base64Url.DecodeFromChars(parts[2], signature, out _, out var written) == System.Buffers.OperationStatus.Done
            && _key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature.AsSpan(0, written), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose() => _key.Dispose();
}
