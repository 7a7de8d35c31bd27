using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class VerifiedTokenCacheTests
{
    [Fact]
    public void Contains_AddedToken_IsTrueOnlyForSameBytesAndKeyInstance()
    {
        using var harness = new TokenTestHarness();
        using var other = RtaKeys.GenerateSigningKey();
        Assert.True(harness.Ring.TryGetVerificationKey(TokenTestHarness.KeyId, out var key));
        var cache = new VerifiedTokenCache(8);
        var token = harness.IssueToken();
        var copy = RtaKeys.ImportVerificationKey(RtaKeys.ExportVerificationKey(key));

        cache.Add(token, key);

        Assert.True(cache.Contains(token, key));
        Assert.False(cache.Contains(token, other.PublicKey));
        Assert.False(cache.Contains(token, copy));
        var changed = (byte[])token.Clone();
        changed[10] ^= 1;
        Assert.False(cache.Contains(changed, key));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(4096, 4096)]
    [InlineData(5000, 8192)]
    public void Constructor_Capacity_RoundsUpToPowerOfTwo(int requested, int expected) =>
        Assert.Equal(expected, new VerifiedTokenCache(requested).Capacity);

    [Fact]
    public async Task Contains_WhileSlotIsRewritten_NeverReportsASplicedToken()
    {
        using var harness = new TokenTestHarness();
        Assert.True(harness.Ring.TryGetVerificationKey(TokenTestHarness.KeyId, out var key));
        var cache = new VerifiedTokenCache(1);
        var a = harness.IssueToken(sequence: 1);
        var b = harness.IssueToken(sequence: 2);
        var spliced = a[..64].Concat(b[64..]).ToArray();
        var splicedOther = b[..64].Concat(a[64..]).ToArray();
        var falseHits = 0;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                cache.Add(i % 2 == 0 ? a : b, key);
            }
        });
        var reader = Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                if (cache.Contains(spliced, key) || cache.Contains(splicedOther, key))
                {
                    Interlocked.Increment(ref falseHits);
                }
            }
        });
        await Task.WhenAll(writer, reader).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, falseHits);
        Assert.True(cache.Contains(b, key));
    }
}
