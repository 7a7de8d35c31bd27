using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>A transmitter's signing key (ES256 or RS256) that signs compact JWSs by hand, so tests can also forge broken ones.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private TestSigningKey(string kid, ECDsa? ec, RSA? rsa)
    {
        KeyId = kid;
        _ec = ec;
        _rsa = rsa;
    }

    public string KeyId { get; }

    public string Algorithm => _ec is not null ? "ES256" : "RS256";

    public static TestSigningKey Es256(string kid) => new(kid, ECDsa.Create(ECCurve.NamedCurves.nistP256), null);

    public static TestSigningKey Rs256(string kid) => new(kid, null, RSA.Create(2048));

    /// <summary>The public key as a JWK.</summary>
    public JsonObject Jwk()
    {
        if (_ec is not null)
        {
            var parameters = _ec.ExportParameters(false);
            return new JsonObject
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["kid"] = KeyId,
                ["use"] = "sig",
                ["alg"] = "ES256",
                ["x"] = Base64Url.EncodeToString(parameters.Q.X),
                ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
            };
        }

        var rsa = _rsa!.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64Url.EncodeToString(rsa.Modulus),
            ["e"] = Base64Url.EncodeToString(rsa.Exponent),
        };
    }

    /// <summary>The public key in PEM, the "secret" of an algorithm-confusion forgery.</summary>
    public string PublicPem() => _ec is not null ? _ec.ExportSubjectPublicKeyInfoPem() : _rsa!.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs the claims; <paramref name="typ"/> null leaves the header without one.</summary>
    public string Sign(JsonObject claims, string? typ = "secevent+jwt", JsonObject? extraHeader = null)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = KeyId };
        if (typ is not null)
        {
            header["typ"] = typ;
        }

        foreach (var (name, value) in extraHeader ?? [])
        {
            header[name] = value?.DeepClone();
        }

        return SignWith(header, claims, input => _ec is not null
            ? _ec.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            : _rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Signs claims given as JSON text exactly as written (escapes a JSON writer would never produce).</summary>
    public string SignRaw(string claimsJson)
    {
        var header = new JsonObject { ["alg"] = Algorithm, ["kid"] = KeyId, ["typ"] = "secevent+jwt" };
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claimsJson));
        var signature = _ec is not null
            ? _ec.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            : _rsa!.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>An unsigned SET: <c>alg</c> none and an empty signature.</summary>
    public static string Unsigned(JsonObject claims) =>
        SignWith(new JsonObject { ["alg"] = "none", ["typ"] = "secevent+jwt" }, claims, _ => []);

    /// <summary>HS256 with the public key's PEM as the HMAC secret: the classic algorithm-confusion forgery.</summary>
    public string ForgeHs256(JsonObject claims) =>
        SignWith(new JsonObject { ["alg"] = "HS256", ["kid"] = KeyId, ["typ"] = "secevent+jwt" }, claims,
            input => HMACSHA256.HashData(Encoding.ASCII.GetBytes(PublicPem()), input));

    public static string SignWith(JsonObject header, JsonObject claims, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }
}
