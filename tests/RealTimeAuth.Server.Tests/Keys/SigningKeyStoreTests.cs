using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Keys;

namespace RealTimeAuth.Server.Tests.Keys;

public sealed class SigningKeyStoreTests
{
    [Fact]
    public void PublishedKey_SignsWhenThisReplicasClockReachesItsActivation_WithoutAnotherRead()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        var options = new SigningKeyOptions { EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var protector = new PrivateKeyProtector(Options.Create(options));
        using var ring = new RtaKeyRing();
        using var store = new SigningKeyStore(
            new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            ring, protector, Options.Create(options), time, NullLogger<SigningKeyStore>.Instance);
        var now = time.GetUtcNow();

        store.Apply([Key(protector, 1, now - TimeSpan.FromHours(1)), Key(protector, 2, now + TimeSpan.FromSeconds(90))]);
        time.Advance(TimeSpan.FromSeconds(89));
        var before = ring.ActiveKeyId;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((ushort)1, before);
        Assert.Equal((ushort)2, ring.ActiveKeyId);
        Assert.Null(store.NextActivation);
        Assert.Contains(ring.Keys, entry => entry.KeyId == 1 && !entry.CanSign);
    }

    private static SigningKeyEntity Key(PrivateKeyProtector protector, int keyId, DateTimeOffset activation)
    {
        using var key = RtaKeys.GenerateSigningKey();
        return new SigningKeyEntity
        {
            KeyId = keyId,
            PublicKey = RtaKeys.ExportVerificationKey(key.PublicKey),
            PrivateKey = protector.Protect((ushort)keyId, RtaKeys.ExportSigningKey(key)),
            CreatedAt = activation,
            ActivatedAt = activation,
        };
    }
}
