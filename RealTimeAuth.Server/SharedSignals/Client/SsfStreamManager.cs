using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>
/// For every transmitter configured with management credentials: sets its stream up at start (retrying with backoff
/// until the transmitter answers), keeps its status current, and for a poll stream runs the <see cref="SsfPoller"/>.
/// Also the admin API's way to the transmitter (verification, subjects, deletion).
/// </summary>
internal sealed partial class SsfStreamManager(
    IServiceScopeFactory scopeFactory,
    SsfStreamSetup setup,
    SsfTransmitterClient client,
    SsfPoller poller,
    SsfStreamCatalog catalog,
    DatabaseMigrationState migrations,
    IOptions<SharedSignalsOptions> options,
    TimeProvider timeProvider,
    ILogger<SsfStreamManager> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, SsfManagedStream> _managed = new();

    /// <summary>The stream as set up at its transmitter, once it is.</summary>
    public SsfManagedStream? Find(Guid id) => _managed.TryGetValue(id, out var stream) ? stream : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        await catalog.Loaded.WaitAsync(stoppingToken);
        await Task.WhenAll(options.Value.Transmitters.Where(transmitter => transmitter.IsManaged).Select(transmitter => RunAsync(transmitter, stoppingToken)));
    }

    private async Task RunAsync(TransmitterOptions transmitter, CancellationToken stoppingToken)
    {
        var managed = await RetryAsync(transmitter, async () =>
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            var stream = await setup.EnsureAsync(db, transmitter, stoppingToken);
            await catalog.ReloadAsync(db, stoppingToken);
            return stream;
        }, stoppingToken);
        _managed[managed.Id] = managed;

        var status = SyncStatusLoopAsync(managed, stoppingToken);
        var polling = transmitter.DeliveryMethod == SsfDeliveryMethods.Poll && managed.PollEndpoint is not null
            ? poller.RunAsync(managed, stoppingToken)
            : Task.CompletedTask;
        await Task.WhenAll(status, polling);
    }

    private async Task SyncStatusLoopAsync(SsfManagedStream stream, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StreamStatusInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken) && StillEnabledOrForget(stream))
        {
            try
            {
                var status = await client.GetStatusAsync(stream.Transmitter, stream.Metadata, stream.TransmitterStreamId, stoppingToken);
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
                if (await db.SsfStreams.FindAsync([stream.Id], stoppingToken) is { } row
                    && SsfTransmitterClient.Text(status, "status") is { } value && SsfStreamStatus.IsValid(value) && value != row.TransmitterStatus)
                {
                    row.TransmitterStatus = value;
                    row.TransmitterStatusReason = SsfTransmitterClient.Text(status, "reason");
                    row.UpdatedAt = timeProvider.GetUtcNow();
                    await db.SaveChangesAsync(stoppingToken);
                    await catalog.ReloadAsync(db, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is SsfTransmitterException or Npgsql.NpgsqlException && !stoppingToken.IsCancellationRequested)
            {
                LogTransmitterUnavailable(logger, stream.Transmitter.Issuer, exception.Message);
            }
        }
    }

    /// <summary>SSF 1.0 §8.1.4.2: stores a fresh state, then asks the transmitter for a verification event carrying it.</summary>
    public async Task<string> RequestVerificationAsync(RtaDbContext db, SsfStreamEntity row, CancellationToken cancellationToken)
    {
        var stream = Find(row.Id) ?? throw new SsfTransmitterException("This server does not manage the stream, or has not set it up yet.");
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        row.PendingVerificationState = state;
        row.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await client.RequestVerificationAsync(stream.Transmitter, stream.Metadata, stream.TransmitterStreamId, state, cancellationToken);
        return state;
    }

    /// <summary>SSF 1.0 §8.1.3: adds a subject to, or removes it from, the managed stream at its transmitter.</summary>
    public async Task ChangeSubjectAsync(Guid id, JsonObject subject, bool add, CancellationToken cancellationToken)
    {
        var stream = Find(id) ?? throw new SsfTransmitterException("This server does not manage the stream, or has not set it up yet.");
        await client.ChangeSubjectAsync(stream.Transmitter, stream.Metadata, stream.TransmitterStreamId, subject, add, cancellationToken);
    }

    /// <summary>Deletes the stream at its transmitter, when this server manages it.</summary>
    /// <remarks>
    /// The stream stays managed if the transmitter refuses. Its status loop and poller stop once the catalog shows the
    /// row disabled, on every replica.
    /// </remarks>
    public async Task DeleteAtTransmitterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Find(id) is { } stream)
        {
            await client.DeleteStreamAsync(stream.Transmitter, stream.Metadata, stream.TransmitterStreamId, cancellationToken);
            _managed.TryRemove(id, out _);
        }
    }

    /// <summary>False once the stream was deleted (disabled in the streams table) here or by another replica.</summary>
    internal static bool IsEnabled(SsfStreamCatalog catalog, SsfManagedStream stream) => catalog.Find(stream.Id) is { Enabled: true };

    private bool StillEnabledOrForget(SsfManagedStream stream)
    {
        if (IsEnabled(catalog, stream))
        {
            return true;
        }

        _managed.TryRemove(stream.Id, out _);
        LogStreamStopped(logger, stream.Transmitter.Issuer, stream.TransmitterStreamId);
        return false;
    }

    private async Task<T> RetryAsync<T>(TransmitterOptions transmitter, Func<Task<T>> action, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception exception) when (exception is SsfTransmitterException or Npgsql.NpgsqlException or InvalidOperationException
                && !stoppingToken.IsCancellationRequested)
            {
                LogSetupRetry(logger, transmitter.Issuer, exception.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.TransmitterMaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 5054, Level = LogLevel.Warning, Message = "Setting up the stream at transmitter {Issuer} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogSetupRetry(ILogger logger, string issuer, string reason, double delayMs);

    [LoggerMessage(EventId = 5055, Level = LogLevel.Warning, Message = "Transmitter {Issuer} did not answer a status read ({Reason})")]
    private static partial void LogTransmitterUnavailable(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 5056, Level = LogLevel.Information, Message = "Stream {StreamId} at transmitter {Issuer} was deleted; no longer reading its status")]
    private static partial void LogStreamStopped(ILogger logger, string issuer, string streamId);
}
