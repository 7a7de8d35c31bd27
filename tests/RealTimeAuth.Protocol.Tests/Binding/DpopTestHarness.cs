using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

/// <summary>
/// Two agent keys (A writes, B is "another key"), a fake clock, a writer over A, the expectations of a request that
/// A's proofs are written for, and a way to sign any header and claims JSON, for proofs the writer would never write.
/// </summary>
internal sealed class DpopTestHarness : IDisposable
{
    public const string Method = "POST";
    public const string Uri = "https://rta.example/oauth/token";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Skew = TimeSpan.FromSeconds(5);

    public DpopTestHarness()
    {
        Writer = new DpopProofWriter(KeyA, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Key KeyA { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public Key KeyB { get; } = Key.Create(SignatureAlgorithm.Ed25519);

    public DpopProofWriter Writer { get; }

    public long NowSeconds => Time.GetUtcNow().ToUnixTimeSeconds();

    public DpopProofExpectations Expect(string method = Method, string uri = Uri) => new()
    {
        Method = method,
        Uri = uri,
        Now = Time.GetUtcNow(),
        FreshnessWindow = Window,
        ClockSkew = Skew,
    };

    public DpopProofValidationResult Validate(string proof) => DpopProofValidator.Validate(proof, Expect());

    public string Write() => Writer.Write(Method, Uri);

    /// <summary>The <c>x</c> of a key's public half.</summary>
    public static string X(Key key) => Base64Url.EncodeToString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The header the writer writes, for <paramref name="key"/>, with <paramref name="jwkExtra"/> appended inside the jwk.</summary>
    public static string Header(Key key, string jwkExtra = "") =>
        $$$"""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"{{{X(key)}}}"{{{jwkExtra}}}}}""";

    /// <summary>Claims as the writer writes them for the harness request at the current time, with <paramref name="extra"/> appended.</summary>
    public string Claims(string extra = "") =>
        $$"""{"jti":"abcdefghijklmnopqrstuv","htm":"{{Method}}","htu":"{{Uri}}","iat":{{NowSeconds}}{{extra}}}""";

    /// <summary>Signs any header and claims JSON as a compact JWS with <paramref name="signer"/> (A by default).</summary>
    public string Sign(string headerJson, string claimsJson, Key? signer = null)
    {
        var signingInput = Encode(headerJson) + "." + Encode(claimsJson);
        var signature = SignatureAlgorithm.Ed25519.Sign(signer ?? KeyA, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A proof signed by A with A's header and the given claims.</summary>
    public string SignClaims(string claimsJson) => Sign(Header(KeyA), claimsJson);

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Decode(string part) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));

    public void Dispose()
    {
        KeyA.Dispose();
        KeyB.Dispose();
    }
}
