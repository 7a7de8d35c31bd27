using System.Buffers.Text;
using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Benchmarks.Binding;

/// <summary>
/// DPoP proofs for a plain-HTTP authorize call (POST with the access token's <c>ath</c>), against their floor: one
/// Ed25519 verify over the proof's own signing input, and one Ed25519 sign for the writer. Setup fails loudly unless
/// the validated proof is valid, so no row measures a failure path.
/// </summary>
[Config(typeof(DpopBenchmarkConfig))]
public class DpopProofBenchmarks
{
    private const string Method = "POST";
    private const string Uri = "https://rta.example/access/v1/evaluation";

    private Key _key = null!;
    private DpopProofWriter _writer = null!;
    private string _accessTokenHash = null!;
    private string _proof = null!;
    private string _proofWithoutJti = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private DpopProofExpectations _expected;

    [GlobalSetup]
    public void Setup()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519);
        _writer = new DpopProofWriter(_key, TimeProvider.System);
        // An RTAToken's text form is 171 characters.
        _accessTokenHash = DpopAccessTokenHash.Compute(new string('R', 171));
        _proof = _writer.Write(Method, Uri, _accessTokenHash);
        var lastDot = _proof.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_proof[..lastDot]);
        _signature = Base64Url.DecodeFromChars(_proof.AsSpan(lastDot + 1));
        _expected = new DpopProofExpectations
        {
            Method = Method,
            Uri = Uri,
            Now = TimeProvider.System.GetUtcNow(),
            FreshnessWindow = TimeSpan.FromHours(1),
            ClockSkew = TimeSpan.FromSeconds(5),
            AccessTokenHash = _accessTokenHash,
            JwkThumbprint = _writer.JwkThumbprint,
        };

        _proofWithoutJti = WithoutJti(_proof);

        Console.WriteLine($"// DPoP proof: {_proof.Length} characters, signing input {_signingInput.Length} bytes");
        Require(BareEd25519Verify(), "bare Ed25519 verify");
        Require(Validate().IsValid, "DPoP proof validation");
        if (ValidateWithoutJti().RejectionReason != DpopRejectionReasons.MissingJti)
        {
            throw new InvalidOperationException("Benchmark setup: the proof without jti is not refused as missing-jti.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true, Description = "Ed25519 verify (NSec, proof's signing input)")]
    public bool BareEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, _signingInput, _signature);

    [Benchmark(Description = "DpopProofValidator.Validate (valid proof)")]
    public DpopProofValidationResult Validate() => DpopProofValidator.Validate(_proof, _expected);

    [Benchmark(Description = "Validate: refused as missing-jti (parsing, no verify)")]
    public DpopProofValidationResult ValidateWithoutJti() => DpopProofValidator.Validate(_proofWithoutJti, _expected);

    [Benchmark(Description = "Ed25519 sign (NSec, proof's signing input)")]
    public byte[] BareEd25519Sign() => SignatureAlgorithm.Ed25519.Sign(_key, _signingInput);

    [Benchmark(Description = "DpopProofWriter.Write (with ath)")]
    public string Write() => _writer.Write(Method, Uri, _accessTokenHash);

    // The same proof with its jti renamed: every part still parses, and the validator stops just before the verify.
    private static string WithoutJti(string proof)
    {
        var parts = proof.Split('.');
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"jti\"", "\"jtx\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup: the {what} case does not validate, so it would measure a failure path.");
        }
    }
}
