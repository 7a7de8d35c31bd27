using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Keys;

public sealed class RtaKeyRingTests
{
    private readonly FakeTimeProvider _time = new(TokenTestHarness.Start);

    [Fact]
    public void Rotate_NewKey_OldTokensStillVerifyAndNewTokensUseNewKey()
    {
        using var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var issuer = new RtaTokenIssuer(ring, _time);
        var validator = new RtaTokenValidator(ring, _time);
        var oldToken = issuer.Issue(Guid.NewGuid(), 1, default);

        ring.Rotate(2, RtaKeys.GenerateSigningKey());
        var newToken = issuer.Issue(Guid.NewGuid(), 1, default);

        Assert.Equal((ushort)2, ring.ActiveKeyId);
        Assert.Equal(RtaTokenValidationStatus.Valid, validator.Validate(oldToken).Status);
        Assert.Equal((ushort)1, validator.Validate(oldToken).KeyId);
        Assert.Equal((ushort)2, validator.Validate(newToken).KeyId);
        Assert.Collection(
            ring.Keys,
            k => Assert.True(k.KeyId == 1 && !k.CanSign),
            k => Assert.True(k.KeyId == 2 && k.CanSign));
    }

    [Fact]
    public void Remove_RotatedOutKey_CachedTokenIsUnknownKeyId()
    {
        using var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var validator = new RtaTokenValidator(ring, _time);
        var token = new RtaTokenIssuer(ring, _time).Issue(Guid.NewGuid(), 1, default);
        validator.Validate(token);
        Assert.True(validator.Validate(token).FromCache);
        ring.Rotate(2, RtaKeys.GenerateSigningKey());

        Assert.True(ring.Remove(1));

        Assert.Equal(RtaTokenValidationStatus.UnknownKeyId, validator.Validate(token).Status);
        Assert.False(ring.TryGetVerificationKey(1, out _));
    }

    [Fact]
    public void Remove_ThenSameIdReAddedWithOtherKey_CachedTokenIsBadSignature()
    {
        using var ring = new RtaKeyRing();
        using var impostor = RtaKeys.GenerateSigningKey();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var validator = new RtaTokenValidator(ring, _time);
        var token = new RtaTokenIssuer(ring, _time).Issue(Guid.NewGuid(), 1, default);
        validator.Validate(token);
        ring.Rotate(2, RtaKeys.GenerateSigningKey());
        ring.Remove(1);

        ring.AddVerificationKey(1, impostor.PublicKey);

        Assert.Equal(RtaTokenValidationStatus.BadSignature, validator.Validate(token).Status);
    }

    [Fact]
    public void Remove_ThenSameKeyReAdded_VerifiesAfreshWithoutCache()
    {
        using var ring = new RtaKeyRing();
        var key = RtaKeys.GenerateSigningKey();
        var publicBytes = RtaKeys.ExportVerificationKey(key.PublicKey);
        ring.Rotate(1, key);
        var validator = new RtaTokenValidator(ring, _time);
        var token = new RtaTokenIssuer(ring, _time).Issue(Guid.NewGuid(), 1, default);
        validator.Validate(token);
        ring.Rotate(2, RtaKeys.GenerateSigningKey());
        ring.Remove(1);

        ring.AddVerificationKey(1, RtaKeys.ImportVerificationKey(publicBytes));
        var result = validator.Validate(token);

        Assert.True(result.IsValid);
        Assert.False(result.FromCache);
    }

    [Fact]
    public void Remove_ActiveKey_Throws()
    {
        using var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());

        Assert.Throws<InvalidOperationException>(() => ring.Remove(1));
        Assert.Equal((ushort)1, ring.ActiveKeyId);
    }

    [Fact]
    public void Remove_UnknownId_ReturnsFalse()
    {
        using var ring = new RtaKeyRing();

        Assert.False(ring.Remove(9));
    }

    [Fact]
    public void Rotate_IdOfActiveKey_Throws()
    {
        using var ring = new RtaKeyRing();
        using var second = RtaKeys.GenerateSigningKey();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());

        Assert.Throws<InvalidOperationException>(() => ring.Rotate(1, second));
    }

    [Fact]
    public void Rotate_IdPublishedEarlierWithSameKey_PromotesIt()
    {
        using var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var next = RtaKeys.GenerateSigningKey();
        ring.AddVerificationKey(2, next.PublicKey);

        ring.Rotate(2, next);

        Assert.Equal((ushort)2, ring.ActiveKeyId);
        Assert.Equal(2, ring.Keys.Length);
    }

    [Fact]
    public void Rotate_IdPublishedEarlierWithOtherKey_Throws()
    {
        using var ring = new RtaKeyRing();
        using var published = RtaKeys.GenerateSigningKey();
        using var other = RtaKeys.GenerateSigningKey();
        ring.AddVerificationKey(2, published.PublicKey);

        Assert.Throws<InvalidOperationException>(() => ring.Rotate(2, other));
        Assert.Null(ring.ActiveKeyId);
    }

    [Fact]
    public void AddVerificationKey_SameIdAndKeyTwice_IsIdempotent()
    {
        using var ring = new RtaKeyRing();
        using var key = RtaKeys.GenerateSigningKey();

        ring.AddVerificationKey(3, key.PublicKey);
        ring.AddVerificationKey(3, key.PublicKey);

        Assert.Single(ring.Keys);
    }

    [Fact]
    public void AddVerificationKey_SameIdOtherKey_Throws()
    {
        using var ring = new RtaKeyRing();
        using var a = RtaKeys.GenerateSigningKey();
        using var b = RtaKeys.GenerateSigningKey();
        ring.AddVerificationKey(3, a.PublicKey);

        Assert.Throws<InvalidOperationException>(() => ring.AddVerificationKey(3, b.PublicKey));
    }

    [Fact]
    public void AddVerificationKey_NotEd25519_Throws()
    {
        using var ring = new RtaKeyRing();
        using var x25519 = Key.Create(KeyAgreementAlgorithm.X25519);

        Assert.Throws<ArgumentException>(() => ring.AddVerificationKey(3, x25519.PublicKey));
    }

    [Fact]
    public void VerifyOnlyReplica_ExportedPublicKey_ValidatesButCannotIssue()
    {
        using var signer = new RtaKeyRing();
        signer.Rotate(5, RtaKeys.GenerateSigningKey());
        var token = new RtaTokenIssuer(signer, _time).Issue(Guid.NewGuid(), 1, default);
        Assert.True(signer.TryGetVerificationKey(5, out var publicKey));
        using var replica = new RtaKeyRing();

        replica.AddVerificationKey(5, RtaKeys.ImportVerificationKey(RtaKeys.ExportVerificationKey(publicKey)));

        Assert.True(new RtaTokenValidator(replica, _time).Validate(token).IsValid);
        Assert.Null(replica.ActiveKeyId);
        Assert.Throws<InvalidOperationException>(() => new RtaTokenIssuer(replica, _time).Issue(Guid.NewGuid(), 1, default));
    }

    [Fact]
    public void Dispose_Ring_EveryTokenIsUnknownKeyIdAndWritesThrow()
    {
        var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var validator = new RtaTokenValidator(ring, _time);
        var token = new RtaTokenIssuer(ring, _time).Issue(Guid.NewGuid(), 1, default);

        ring.Dispose();

        Assert.Equal(RtaTokenValidationStatus.UnknownKeyId, validator.Validate(token).Status);
        Assert.Throws<ObjectDisposedException>(() => ring.Rotate(2, RtaKeys.GenerateSigningKey()));
    }

    [Fact]
    public async Task Rotate_WhileOtherThreadsValidate_ReadersNeverFail()
    {
        using var ring = new RtaKeyRing();
        ring.Rotate(1, RtaKeys.GenerateSigningKey());
        var validator = new RtaTokenValidator(ring, _time);
        var token = new RtaTokenIssuer(ring, _time).Issue(Guid.NewGuid(), 1, default);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (!validator.Validate(token).IsValid)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        for (ushort id = 2; id < 40; id++)
        {
            ring.Rotate(id, RtaKeys.GenerateSigningKey());
            if (id > 2)
            {
                ring.Remove((ushort)(id - 1));
            }
        }

        stop.Cancel();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, failures);
        Assert.Equal(2, ring.Keys.Length);
    }
}
