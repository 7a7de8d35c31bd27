using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// Writes the configured transmitters into the streams table at start (a transmitter removed from configuration
/// is disabled there, so it is no longer trusted), then keeps this replica's <see cref="SsfStreamCatalog"/>
/// current with the table, which the transmitter's own events and the admin API also change.
/// </summary>
internal sealed partial class SsfStreamSynchronizer(
    IServiceScopeFactory scopeFactory,
    SsfStreamCatalog catalog,
    DatabaseMigrationState migrations,
    IOptions<SharedSignalsOptions> options,
    TimeProvider timeProvider,
    ILogger<SsfStreamSynchronizer> logger) : BackgroundService
{
    // Serialises replicas that start together, so each configured stream is inserted once.
    private const long SyncLockKey = 0x5254_4153_5346_5354; // "RTASSFST"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncConfigurationAsync(stoppingToken);
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(logger, exception.GetType().Name, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(options.Value.StreamRefreshInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>Re-reads the streams table now (after this replica changed a stream).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await catalog.ReloadAsync(scope.ServiceProvider.GetRequiredService<RtaDbContext>(), cancellationToken);
    }

    private async Task SyncConfigurationAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SyncLockKey})", cancellationToken);
            var rows = await db.SsfStreams.ToListAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            var configured = new HashSet<Guid>();
            foreach (var transmitter in options.Value.Transmitters)
            {
                var row = rows.FirstOrDefault(row => row.Issuer == transmitter.Issuer && row.Audience == transmitter.Audience);
                if (row is null)
                {
                    row = NewRow(transmitter, now);
                    db.SsfStreams.Add(row);
                    rows.Add(row);
                }

                Apply(transmitter, row, now);
                configured.Add(row.Id);
            }

            foreach (var removed in rows.Where(row => row.Source == SsfStreamStatus.FromConfiguration && !configured.Contains(row.Id) && row.Enabled))
            {
                removed.Enabled = false;
                removed.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await catalog.ReloadAsync(db, cancellationToken);
        LogStreamsLoaded(logger, catalog.Streams.Length, options.Value.Transmitters.Count);
    }

    private static SsfStreamEntity NewRow(TransmitterOptions transmitter, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Issuer = transmitter.Issuer,
        Audience = transmitter.Audience,
        DeliveryMethod = transmitter.DeliveryMethod,
        SubjectIssuers = [],
        Source = SsfStreamStatus.FromConfiguration,
        TransmitterStatus = SsfStreamStatus.Enabled,
        CreatedAt = now,
    };

    private static void Apply(TransmitterOptions transmitter, SsfStreamEntity row, DateTimeOffset now)
    {
        row.TransmitterStreamId = transmitter.StreamId ?? row.TransmitterStreamId;
        row.DeliveryMethod = transmitter.DeliveryMethod;
        row.JwksUri = transmitter.JwksUri;
        row.MetadataAddress = transmitter.MetadataAddress;
        row.RequireHttps = transmitter.RequireHttpsMetadata;
        row.PushAuthorizationHash = transmitter.PushAuthorization is { Length: > 0 } secret ? SsfStreamCatalog.HashAuthorization(secret)
            : transmitter.IsManaged ? row.PushAuthorizationHash // generated by SsfStreamManager, kept across restarts
            : null;
        row.SubjectIssuers = transmitter.SubjectIssuers.Count > 0 ? [.. transmitter.SubjectIssuers] : [transmitter.Issuer];
        row.AllowedClaims = [.. transmitter.AllowedClaims];
        row.Description = transmitter.Description;
        row.Source = SsfStreamStatus.FromConfiguration;
        row.Enabled = true;
        row.UpdatedAt = now;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Shared Signals: {Count} streams known, {Configured} from configuration")]
    private static partial void LogStreamsLoaded(ILogger logger, int count, int configured);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Shared Signals: reading the streams failed ({Error}: {Reason}); retrying")]
    private static partial void LogSyncFailed(ILogger logger, string error, string reason);
}
