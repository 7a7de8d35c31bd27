using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests;

/// <summary>A key ring with one active key, a fake clock, an issuer and a factory for validators.</summary>
internal sealed class TokenTestHarness : IDisposable
{
    public const ushort KeyId = 0x0107;

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static readonly Guid SessionId = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    public static readonly RtaContextHash ContextHash = RtaContextHash.Compute("context"u8);

    public TokenTestHarness()
    {
        Ring.Rotate(KeyId, RtaKeys.GenerateSigningKey());
        Issuer = new RtaTokenIssuer(Ring, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public RtaKeyRing Ring { get; } = new();

    public RtaTokenIssuer Issuer { get; }

    public long NowMilliseconds => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public RtaTokenValidator CreateValidator(int cacheCapacity = 0) =>
        new(Ring, Time, new RtaTokenValidationOptions { VerifiedTokenCacheCapacity = cacheCapacity });

    public byte[] IssueToken(uint sequence = 42) => Issuer.Issue(SessionId, sequence, ContextHash);

    public byte[] IssueTokenAt(long issuedAtUnixMilliseconds) =>
        Issuer.Issue(new RtaTokenClaims(SessionId, 42, ContextHash, issuedAtUnixMilliseconds));

    public void Dispose() => Ring.Dispose();
}
