using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Runs the signing key schedule shared by all replicas: creates the first key, publishes a
/// successor ahead of its activation once the active key is old enough, and removes keys that
/// no live token can still carry. Each change is an event, so every replica reloads its ring. Times are this replica's
/// clock; <see cref="SigningKeySchedule"/> makes them hold for replicas up to <c>Tokens:ClockSkew</c> apart.
/// </summary>
internal sealed partial class KeyRotationService(
    IServiceScopeFactory scopeFactory,
    SigningKeyStore store,
    PrivateKeyProtector protector,
    EventLogWriter events,
    EventAnnouncer announcer,
    DatabaseMigrationState migrations,
    IOptions<SigningKeyOptions> options,
    IOptions<RtaTokenValidationOptions> tokens,
    TimeProvider timeProvider,
    ILogger<KeyRotationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A key published earlier starts signing on the store's own timer, without a read.
                await RunScheduleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogScheduleFailed(logger, exception.GetType().Name, exception.Message);
            }

            await Task.Delay(options.Value.CheckInterval, timeProvider, stoppingToken);
        }
    }

    /// <summary>One pass of the schedule; public to tests through the store's behaviour.</summary>
    internal async Task RunScheduleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Taken before reading, so two replicas never both decide to create a key.
        await events.LockAsync(db, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var keys = await db.SigningKeys.Where(key => key.RemovedAt == null).ToListAsync(cancellationToken);
        var pass = SigningKeySchedule.Run(keys, now, options.Value, tokens.Value.ClockSkew, activation => Create(db, now, activation));
        foreach (var removed in pass.Removed)
        {
            LogKeyRemoved(logger, removed.KeyId);
        }

        if (!pass.Changed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        var entry = events.Append(db, RtaEventTypes.SigningKeysChanged, new { }, "key-rotation");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await store.ReloadAsync(cancellationToken);
        await announcer.AnnounceAsync(db, entry);
    }

    private SigningKeyEntity Create(RtaDbContext db, DateTimeOffset now, DateTimeOffset activation)
    {
        var keyId = NextKeyId(db);
        using var key = RtaKeys.GenerateSigningKey();
        var privateKey = RtaKeys.ExportSigningKey(key);
        var entity = new SigningKeyEntity
        {
            KeyId = keyId,
            PublicKey = RtaKeys.ExportVerificationKey(key.PublicKey),
            PrivateKey = protector.Protect((ushort)keyId, privateKey),
            CreatedAt = now,
            ActivatedAt = activation,
        };
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(privateKey);
        db.SigningKeys.Add(entity);
        LogKeyCreated(logger, keyId, activation);
        return entity;
    }

    private static int NextKeyId(RtaDbContext db)
    {
        var used = db.SigningKeys.Select(key => key.KeyId).ToHashSet();
        var candidate = used.Count == 0 ? 1 : (used.Max() + 1) % 65536;
        while (used.Contains(candidate))
        {
            candidate = (candidate + 1) % 65536;
        }

        return candidate;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Created signing key {KeyId}, active from {Activation:O}")]
    private static partial void LogKeyCreated(ILogger logger, int keyId, DateTimeOffset activation);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Removed signing key {KeyId}: no live token can carry it")]
    private static partial void LogKeyRemoved(ILogger logger, int keyId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Signing key schedule failed ({Error}: {Reason}); retrying")]
    private static partial void LogScheduleFailed(ILogger logger, string error, string reason);
}
