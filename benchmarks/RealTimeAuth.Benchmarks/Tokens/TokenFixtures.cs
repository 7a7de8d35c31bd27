using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Benchmarks.Tokens;

/// <summary>
/// One RTAToken and two JWTs (ES256, RS256) carrying the same information: session id, context hash,
/// sequence, issue time and key id; the JWTs add iss, aud and exp, which JWT validation needs to be meaningful.
/// </summary>
internal sealed class TokenFixtures : IDisposable
{
    public const string Issuer = "https://rta.example";
    public const string Audience = "realtimeauth";
    public const ushort KeyId = 1;

    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _rsa = RSA.Create(2048);

    public TokenFixtures()
    {
        var now = TimeProvider.System.GetUtcNow();
        var sessionId = Guid.NewGuid();
        var contextHash = RtaContextHash.Compute("role=admin;risk=low"u8);
        const uint Sequence = 42;

        Ring.Rotate(KeyId, RtaKeys.GenerateSigningKey());
        RtaToken = new RtaTokenIssuer(Ring, TimeProvider.System).Issue(sessionId, Sequence, contextHash);
        RtaText = RtaTokenText.Encode(RtaToken);
        Ring.TryGetVerificationKey(KeyId, out var publicKey);
        RtaPublicKey = publicKey!;

        var es256Key = new ECDsaSecurityKey(_ecdsa) { KeyId = KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var rs256Key = new RsaSecurityKey(_rsa) { KeyId = KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Es256Jwt = CreateJwt(new SigningCredentials(es256Key, SecurityAlgorithms.EcdsaSha256), sessionId, contextHash, Sequence, now);
        Rs256Jwt = CreateJwt(new SigningCredentials(rs256Key, SecurityAlgorithms.RsaSha256), sessionId, contextHash, Sequence, now);
        Es256Parameters = CreateParameters(es256Key, SecurityAlgorithms.EcdsaSha256);
        Rs256Parameters = CreateParameters(rs256Key, SecurityAlgorithms.RsaSha256);
    }

    public RtaKeyRing Ring { get; } = new();

    public byte[] RtaToken { get; }

    public string RtaText { get; }

    public PublicKey RtaPublicKey { get; }

    public string Es256Jwt { get; }

    public string Rs256Jwt { get; }

    public TokenValidationParameters Es256Parameters { get; }

    public TokenValidationParameters Rs256Parameters { get; }

    public static void PrintEncodedSizes(TextWriter output)
    {
        using var fixtures = new TokenFixtures();
        output.WriteLine("Encoded token sizes (characters after the Authorization scheme):");
        output.WriteLine($"  RTAToken (128 bytes, base64url)  {fixtures.RtaText.Length,4}");
        output.WriteLine($"  JWT ES256                        {fixtures.Es256Jwt.Length,4}");
        output.WriteLine($"  JWT RS256 (2048-bit key)         {fixtures.Rs256Jwt.Length,4}");
    }

    public void Dispose()
    {
        Ring.Dispose();
        _ecdsa.Dispose();
        _rsa.Dispose();
    }

    private static string CreateJwt(SigningCredentials credentials, Guid sessionId, RtaContextHash contextHash, uint sequence, DateTimeOffset now)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                ["sid"] = sessionId.ToString(),
                ["ctx"] = Base64Url.EncodeToString(contextHash.ToArray()),
                ["seq"] = (long)sequence,
            },
        });
    }

    private static TokenValidationParameters CreateParameters(SecurityKey key, string algorithm) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = ClaimTypes.Name,
    };
}
