using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Fuzz.Tests.Tokens;

/// <summary>
/// Valid RTATokens to mutate: a key ring with two keys from fixed seeds (so a replayed seed mutates the same bytes),
/// a fixed clock, and tokens over the whole range of fields, issued at times across the freshness window and skew.
/// </summary>
internal sealed class TokenCorpus : IDisposable
{
    public const int Size = 256;
    public const ushort ActiveKeyId = 0x0107;
    public const ushort OlderKeyId = 0x0106;

    public TokenCorpus()
    {
        Ring.Rotate(OlderKeyId, RtaKeys.ImportSigningKey(Seed(1)));
        Ring.Rotate(ActiveKeyId, RtaKeys.ImportSigningKey(Seed(2)));
        var issuer = new RtaTokenIssuer(Ring, Time);
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)new RtaTokenValidationOptions().FreshnessWindow.TotalMilliseconds;
        var skew = (long)new RtaTokenValidationOptions().ClockSkew.TotalMilliseconds;
        var random = new Random(16);
        Tokens = [.. Enumerable.Range(0, Size).Select(i =>
        {
            var session = new byte[16];
            var hash = new byte[32];
            random.NextBytes(session);
            random.NextBytes(hash);
            var sequence = (i % 4) == 0 ? ((i % 8) == 0 ? 0u : uint.MaxValue) : (uint)random.Next();
            var issuedAt = (i % 3) switch { 0 => now - window, 1 => now + skew, _ => now - random.NextInt64(window) };
            return issuer.Issue(new RtaTokenClaims(new Guid(session, bigEndian: true), sequence, new RtaContextHash(hash), issuedAt));
        })];
        Texts = [.. Tokens.Select(static token => RtaTokenText.Encode(token))];
        var validator = Create(cacheCapacity: 0);
        var invalid = Tokens.Select((token, i) => (i, validator.Validate(token).Status)).FirstOrDefault(pair => pair.Status != RtaTokenValidationStatus.Valid);
        if (invalid.Status != RtaTokenValidationStatus.None)
        {
            throw new InvalidOperationException($"Corpus token #{invalid.i} is {invalid.Status}, not valid.");
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, 123, TimeSpan.Zero));

    public RtaKeyRing Ring { get; } = new();

    public IReadOnlyList<byte[]> Tokens { get; }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>A validator with the verified-token cache, and one without: both must agree on every input.</summary>
    public RtaTokenValidator Create(int cacheCapacity) =>
        new(Ring, Time, new RtaTokenValidationOptions { VerifiedTokenCacheCapacity = cacheCapacity });

    public void Dispose() => Ring.Dispose();

    private static byte[] Seed(byte value) => [.. Enumerable.Repeat(value, 32)];
}
