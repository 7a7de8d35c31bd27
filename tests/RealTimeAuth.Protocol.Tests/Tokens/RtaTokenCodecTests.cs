using System.Buffers.Binary;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaTokenCodecTests
{
    [Fact]
    public void Issue_ValidClaims_WritesDocumentedBigEndianLayout()
    {
        using var harness = new TokenTestHarness();
        var claims = new RtaTokenClaims(TokenTestHarness.SessionId, 0x01020304, TokenTestHarness.ContextHash, 0x0000_0102_0304_0506, Flags: 0);

        var token = harness.Issuer.Issue(claims);

        Assert.Equal(128, token.Length);
        Assert.Equal(1, token[0]);
        Assert.Equal(0, token[1]);
        Assert.Equal(new byte[] { 0x01, 0x07 }, token[2..4]);
        Assert.Equal(new byte[] { 0x01, 0x02, 0x03, 0x04 }, token[4..8]);
        Assert.Equal(Convert.FromHexString("0f1e2d3c4b5a69788796a5b4c3d2e1f0"), token[8..24]);
        Assert.Equal(TokenTestHarness.ContextHash.ToArray(), token[24..56]);
        Assert.Equal(new byte[] { 0, 0, 1, 2, 3, 4, 5, 6 }, token[56..64]);
    }

    [Fact]
    public void View_IssuedToken_ReadsBackEveryField()
    {
        using var harness = new TokenTestHarness();
        var claims = new RtaTokenClaims(Guid.NewGuid(), uint.MaxValue, RtaContextHash.Compute("x"u8), harness.NowMilliseconds, Flags: 0x80);

        var token = harness.Issuer.Issue(claims);

        Assert.True(RtaTokenView.TryCreate(token, out var view));
        Assert.Equal(RtaTokenLayout.CurrentVersion, view.Version);
        Assert.Equal(TokenTestHarness.KeyId, view.KeyId);
        Assert.Equal(claims, view.ToClaims());
        Assert.Equal((ulong)claims.IssuedAtUnixMilliseconds, view.IssuedAtUnixMilliseconds);
        Assert.True(view.SignedBytes.SequenceEqual(token.AsSpan(0, 64)));
        Assert.True(view.Signature.SequenceEqual(token.AsSpan(64, 64)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(129)]
    public void View_WrongLength_IsNotCreated(int length) =>
        Assert.False(RtaTokenView.TryCreate(new byte[length], out _));

    [Fact]
    public void VerifySignature_IssuedToken_VerifiesOnlyUnderItsOwnKey()
    {
        using var harness = new TokenTestHarness();
        using var otherKey = RtaKeys.GenerateSigningKey();
        var token = harness.IssueToken();
        Assert.True(harness.Ring.TryGetVerificationKey(TokenTestHarness.KeyId, out var publicKey));

        Assert.True(RtaTokenCodec.VerifySignature(token, publicKey));
        Assert.False(RtaTokenCodec.VerifySignature(token, otherKey.PublicKey));
        Assert.False(RtaTokenCodec.VerifySignature(token.AsSpan(0, 127), publicKey));
    }

    [Fact]
    public void Sign_NegativeIssueTime_Throws()
    {
        using var key = RtaKeys.GenerateSigningKey();
        var claims = new RtaTokenClaims(Guid.Empty, 1, default, -1);

        Assert.Throws<ArgumentOutOfRangeException>(() => RtaTokenCodec.Sign(claims, 1, key, new byte[128]));
    }

    [Fact]
    public void Sign_ShortDestination_Throws()
    {
        using var key = RtaKeys.GenerateSigningKey();

        Assert.Throws<ArgumentException>(() => RtaTokenCodec.Sign(default, 1, key, new byte[127]));
    }

    [Fact]
    public void Sign_SameClaimsAndKey_IsDeterministic()
    {
        using var harness = new TokenTestHarness();
        var claims = new RtaTokenClaims(TokenTestHarness.SessionId, 9, TokenTestHarness.ContextHash, harness.NowMilliseconds);

        Assert.Equal(harness.Issuer.Issue(claims), harness.Issuer.Issue(claims));
    }

    [Fact]
    public void Issue_NoActiveKey_ThrowsInvalidOperation()
    {
        using var ring = new RtaKeyRing();
        var issuer = new RtaTokenIssuer(ring, TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => issuer.Issue(Guid.NewGuid(), 1, default));
    }

    [Fact]
    public void Issue_NowOverload_StampsTimeProviderTime()
    {
        using var harness = new TokenTestHarness();

        var token = harness.IssueToken();

        Assert.Equal((ulong)harness.NowMilliseconds, BinaryPrimitives.ReadUInt64BigEndian(token.AsSpan(56)));
    }
}
