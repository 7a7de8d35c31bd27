using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Loads this replica's key ring from the <c>signing_keys</c> table. The signing key is the newest key whose activation
/// time has passed by this replica's clock; every other key not yet removed verifies only. A key published ahead of its
/// activation starts signing on a timer, from the rows already read. A token naming a key id the ring lacks may ask
/// for a read (<see cref="RefreshAsync"/>), single-flight and at most once per <c>SigningKeys:UnknownKeyReloadInterval</c>.
/// </summary>
internal sealed partial class SigningKeyStore : IRtaKeyRingRefresher, IDisposable
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly RtaKeyRing _ring;
    private readonly PrivateKeyProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SigningKeyStore> _logger;
    // A timer cannot wait longer than about 49 days; one that fires early re-arms for the rest.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Lock _applyLock = new();
    private readonly ITimer _activationTimer;
    private readonly SingleFlightRead _unknownKeyReads;
    private IReadOnlyList<SigningKeyEntity> _rows = [];

    public SigningKeyStore(
        IServiceScopeFactory scopeFactory,
        RtaKeyRing ring,
        PrivateKeyProtector protector,
        IOptions<SigningKeyOptions> options,
        TimeProvider timeProvider,
        ILogger<SigningKeyStore> logger)
    {
        _scopeFactory = scopeFactory;
        _ring = ring;
        _protector = protector;
        _timeProvider = timeProvider;
        _logger = logger;
        _activationTimer = timeProvider.CreateTimer(_ => ActivateDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _unknownKeyReads = new SingleFlightRead(ReadForUnknownKeyAsync, options.Value.UnknownKeyReloadInterval, timeProvider);
    }

    public RtaKeyRing Ring => _ring;

    /// <summary>When the next pending key becomes active by this replica's clock.</summary>
    public DateTimeOffset? NextActivation { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            Apply(await db.SigningKeys.AsNoTracking().Where(key => key.RemovedAt == null).ToListAsync(cancellationToken));
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>
    /// For a well-formed token whose key id the ring does not hold: completes once a read of the keys has run, joining one
    /// under way, or at once when the last read started less than the reload interval ago. Never throws for a failed
    /// read: the caller checks the ring again and refuses.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => _unknownKeyReads.RunAsync(cancellationToken);

    /// <summary>Replaces the ring's keys with <paramref name="rows"/> (the keys not removed), as of now by this replica's clock.</summary>
    internal void Apply(IReadOnlyList<SigningKeyEntity> rows)
    {
        lock (_applyLock)
        {
            _rows = rows;
            ApplyRows(rows);
        }
    }

    public void Dispose()
    {
        _activationTimer.Dispose();
        _reloadLock.Dispose();
    }

    private void ActivateDue()
    {
        try
        {
            lock (_applyLock)
            {
                ApplyRows(_rows);
            }
        }
        catch (Exception exception)
        {
            // On a timer thread: an exception here would end the process. The next reload applies the rows again.
            LogActivationFailed(_logger, exception.GetType().Name, exception.Message);
        }
    }

    private void ApplyRows(IReadOnlyList<SigningKeyEntity> rows)
    {
        var now = _timeProvider.GetUtcNow();
        var active = SigningKeySchedule.Active(rows, now);
        NextActivation = SigningKeySchedule.NextActivation(rows, now);

        foreach (var row in rows.Where(row => row != active))
        {
            _ring.AddVerificationKey((ushort)row.KeyId, RtaKeys.ImportVerificationKey(row.PublicKey));
        }

        if (active is not null && _ring.ActiveKeyId != (ushort)active.KeyId)
        {
            var privateKey = _protector.Unprotect((ushort)active.KeyId, active.PrivateKey);
            _ring.Rotate((ushort)active.KeyId, RtaKeys.ImportSigningKey(privateKey));
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(privateKey);
        }

        var known = rows.Select(row => (ushort)row.KeyId).ToHashSet();
        foreach (var entry in _ring.Keys.Where(entry => !known.Contains(entry.KeyId) && entry.KeyId != _ring.ActiveKeyId))
        {
            _ring.Remove(entry.KeyId);
        }

        // The successor signs from the moment this clock reaches its activation, not at the next schedule pass, so the
        // old key's last token is stamped no later than that (RetainAfterSuperseded is sized on it).
        _activationTimer.Change(NextActivation is { } next ? Min(next - now, MaxTimerDelay) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task ReadForUnknownKeyAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
            LogReadForUnknownKey(_logger);
        }
        catch (Exception exception)
        {
            LogReadForUnknownKeyFailed(_logger, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Activating the next signing key failed ({Error}: {Reason}); the previous key keeps signing")]
    private static partial void LogActivationFailed(ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Read the signing keys again for a token naming a key id this replica did not hold")]
    private static partial void LogReadForUnknownKey(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Reading the signing keys for a token naming an unknown key id failed ({Error}: {Reason}); the token is refused")]
    private static partial void LogReadForUnknownKeyFailed(ILogger logger, string error, string reason);
}
