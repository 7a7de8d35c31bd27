using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Loads this replica's key ring from the <c>signing_keys</c> table. The signing key is the newest
/// key whose activation time has passed; every other key not yet removed verifies only.
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopeFactory,
    RtaKeyRing ring,
    TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _reloadLock = new(1, 1);

    public RtaKeyRing Ring => ring;

    /// <summary>When the next pending key becomes active; the rotation service reloads then.</summary>
    public DateTimeOffset? NextActivation { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            var rows = await db.SigningKeys.AsNoTracking().Where(key => key.RemovedAt == null).ToListAsync(cancellationToken);
            Apply(rows, scope.ServiceProvider.GetRequiredService<PrivateKeyProtector>());
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private void Apply(List<SigningKeyEntity> rows, PrivateKeyProtector protector)
    {
        var now = timeProvider.GetUtcNow();
        var active = rows
            .Where(row => row.ActivatedAt <= now && row.PrivateKey is not null)
            .MaxBy(row => row.ActivatedAt);
        NextActivation = rows.Where(row => row.ActivatedAt > now).Min(row => row.ActivatedAt);

        foreach (var row in rows.Where(row => row != active))
        {
            ring.AddVerificationKey((ushort)row.KeyId, RtaKeys.ImportVerificationKey(row.PublicKey));
        }

        if (active is not null && ring.ActiveKeyId != (ushort)active.KeyId)
        {
            var privateKey = protector.Unprotect((ushort)active.KeyId, active.PrivateKey);
            ring.Rotate((ushort)active.KeyId, RtaKeys.ImportSigningKey(privateKey));
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(privateKey);
        }

        var known = rows.Select(row => (ushort)row.KeyId).ToHashSet();
        foreach (var entry in ring.Keys.Where(entry => !known.Contains(entry.KeyId) && entry.KeyId != ring.ActiveKeyId))
        {
            ring.Remove(entry.KeyId);
        }
    }
}
