using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Benchmarks.Tokens;

/// <summary>
/// RTAToken validation against its own floor (one Ed25519 verify) and against JWT validation with
/// Microsoft.IdentityModel. Every case validates a token that is valid; setup fails loudly otherwise.
/// </summary>
[Config(typeof(TokenBenchmarkConfig))]
public class TokenValidationBenchmarks
{
    private readonly JsonWebTokenHandler _jwtHandler = new();
    private TokenFixtures _fixtures = null!;
    private RtaTokenValidator _uncachedValidator = null!;
    private RtaTokenValidator _cachedValidator = null!;
    private byte[] _signedBytes = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixtures = new TokenFixtures();
        _signedBytes = _fixtures.RtaToken[..RtaTokenLayout.SignedLength];
        _signature = _fixtures.RtaToken[RtaTokenLayout.SignatureOffset..];
        _uncachedValidator = new RtaTokenValidator(_fixtures.Ring, TimeProvider.System, new RtaTokenValidationOptions { VerifiedTokenCacheCapacity = 0 });
        _cachedValidator = new RtaTokenValidator(_fixtures.Ring, TimeProvider.System);

        Require(BareEd25519Verify(), "bare Ed25519 verify");
        Require(RtaFullVerify().IsValid && !RtaFullVerify().FromCache, "RTAToken full verify");
        Require(RtaCacheHit().IsValid && RtaCacheHit().FromCache, "RTAToken cache hit");
        Require(RtaCacheHitBinary().FromCache, "RTAToken binary cache hit");
        Require(JwtEs256().GetAwaiter().GetResult().IsValid, "ES256 JWT");
        Require(JwtRs256().GetAwaiter().GetResult().IsValid, "RS256 JWT");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixtures.Dispose();

    [Benchmark(Baseline = true, Description = "Ed25519 verify (NSec, 64 B)")]
    public bool BareEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_fixtures.RtaPublicKey, _signedBytes, _signature);

    [Benchmark(Description = "RTAToken text: decode + full verify")]
    public RtaTokenValidationResult RtaFullVerify() => _uncachedValidator.ValidateText(_fixtures.RtaText);

    [Benchmark(Description = "RTAToken text: cache hit")]
    public RtaTokenValidationResult RtaCacheHit() => _cachedValidator.ValidateText(_fixtures.RtaText);

    [Benchmark(Description = "RTAToken binary: cache hit")]
    public RtaTokenValidationResult RtaCacheHitBinary() => _cachedValidator.Validate(_fixtures.RtaToken);

    [Benchmark(Description = "JWT ES256: ValidateTokenAsync")]
    public Task<TokenValidationResult> JwtEs256() => _jwtHandler.ValidateTokenAsync(_fixtures.Es256Jwt, _fixtures.Es256Parameters);

    [Benchmark(Description = "JWT RS256: ValidateTokenAsync")]
    public Task<TokenValidationResult> JwtRs256() => _jwtHandler.ValidateTokenAsync(_fixtures.Rs256Jwt, _fixtures.Rs256Parameters);

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup: the {what} case does not validate, so it would measure a failure path.");
        }
    }
}
