using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// RFC 8935 push delivery: each enabled push stream's pending SETs are POSTed in order with the stream's Authorization
/// header. 202 (or 200) delivers; anything else, or no answer, retries with exponential backoff
/// (<see cref="SsfTransmitterOptions.PushInitialBackoff"/> doubling to <see cref="SsfTransmitterOptions.PushMaxBackoff"/>)
/// until <see cref="SsfTransmitterOptions.PushMaxAttempts"/>; a stream's later SETs wait behind its first undelivered one.
/// </summary>
internal sealed partial class PushDeliveryWorker(
    IServiceScopeFactory scopeFactory,
    IHttpClientFactory httpClientFactory,
    SsfDeliverySignal signal,
    IOptions<SsfTransmitterOptions> options,
    TimeProvider timeProvider,
    ILogger<PushDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "ssf-push";
    private const int BatchSize = 200;
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    // Streams with a delivery in progress, by id; a round starts no second delivery on them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _delivering = new();

    // Streams a round skipped because they were delivering, with the record that round read: a SET queued (or the
    // stream reconfigured) after the delivery read its rows is picked up by that delivery running once more.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SsfStreamRecord> _skipped = new();

    // Deliveries started and not yet seen to end (only the worker's loop touches it); awaited when the worker stops.
    private readonly List<Task> _started = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var queued = signal.NextNotification;
                var wait = IdleWait;
                try
                {
                    wait = await DeliverDueAsync(queued, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogWorkerFailed(logger, exception.GetType().Name, exception.Message);
                }

                await SsfDeliverySignal.WaitAsync(queued, wait, stoppingToken);
            }
        }
        finally
        {
            // Cancelled with the worker; none may still write to the database once the host has stopped.
            await Task.WhenAll(_started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Starts delivery on every stream not already delivering and waits for them, up to a second or until
    /// <paramref name="queued"/> says a SET was queued; returns how long to wait before the next due SET (at most a
    /// second). A stream whose receiver hangs keeps its own delivery running into later rounds, so it never holds up
    /// the others' new events.
    /// </summary>
    internal async Task<TimeSpan> DeliverDueAsync(Task queued, CancellationToken cancellationToken)
    {
        List<SsfStreamRecord> streams;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            streams = await scope.ServiceProvider.GetRequiredService<DevIdpDbContext>().SsfStreams.AsNoTracking()
                .Where(stream => stream.DeliveryMethod == SsfDeliveryMethods.Push && stream.Status == SsfStatuses.Enabled && stream.EndpointUrl != null)
                .ToListAsync(cancellationToken);
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var started = new List<Task<long>>();
        foreach (var stream in streams)
        {
            if (_delivering.ContainsKey(stream.Id))
            {
                _skipped[stream.Id] = stream;
            }
            else
            {
                started.Add(TrackAsync(stream, now, cancellationToken));
            }
        }

        _started.RemoveAll(delivery => delivery.IsCompleted);
        _started.AddRange(started);
        var round = Task.WhenAll(started);
        using var roundWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(round, queued, Task.Delay(IdleWait, timeProvider, roundWait.Token));
        await roundWait.CancelAsync();
        // A delivery still running reports nothing here; the next round, at most a second away, looks at its stream again.
        var next = round.IsCompletedSuccessfully ? round.Result.DefaultIfEmpty(long.MaxValue).Min() : long.MaxValue;
        return next == long.MaxValue ? IdleWait : TimeSpan.FromMilliseconds(Math.Clamp(next - timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), 0, IdleWait.TotalMilliseconds));
    }

    /// <summary>
    /// One stream's delivery, marked as running until it ends, and run again while rounds skipped the stream meanwhile;
    /// a failure is logged and retried next round.
    /// </summary>
    private async Task<long> TrackAsync(SsfStreamRecord stream, long now, CancellationToken cancellationToken)
    {
        _delivering[stream.Id] = true;
        _skipped.TryRemove(stream.Id, out _);
        try
        {
            while (true)
            {
                var next = await DeliverStreamAsync(stream, now, cancellationToken);
                if (!_skipped.TryRemove(stream.Id, out var reread))
                {
                    return next;
                }

                stream = reread;
                now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogWorkerFailed(logger, exception.GetType().Name, exception.Message);
            return now + (long)IdleWait.TotalMilliseconds;
        }
        finally
        {
            _delivering.TryRemove(stream.Id, out _);
            if (_skipped.TryRemove(stream.Id, out _))
            {
                // A round skipped it after its last look (or while it failed): the next round delivers it.
                signal.Notify();
            }
        }
    }

    /// <summary>Delivers one stream's due SETs in order; returns when its next attempt is due (ms), or long.MaxValue.</summary>
    private async Task<long> DeliverStreamAsync(SsfStreamRecord stream, long now, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdpDbContext>();
        var pending = await db.SsfOutbox.Where(row => row.StreamId == stream.Id && row.Status == SsfStatuses.Pending)
            .OrderBy(row => row.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return long.MaxValue;
        }

        if (pending[0].NextAttemptAt > now)
        {
            return pending[0].NextAttemptAt;
        }

        using var http = httpClientFactory.CreateClient(HttpClientName);
        http.Timeout = options.Value.PushTimeout;
        foreach (var row in pending)
        {
            var error = await PushAsync(http, stream, row.Set, cancellationToken);
            row.Attempts++;
            if (error is null)
            {
                row.Status = SsfStatuses.Delivered;
                row.DeliveredAt = timeProvider.GetUtcNow();
                row.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            row.LastError = error;
            if (row.Attempts >= options.Value.PushMaxAttempts)
            {
                row.Status = SsfStatuses.Failed;
                LogGaveUp(logger, row.Jti, stream.Id, row.Attempts, error);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var delay = Backoff(row.Attempts);
            row.NextAttemptAt = timeProvider.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
            LogRetrying(logger, row.Jti, stream.Id, row.Attempts, error, delay.TotalMilliseconds);
            await db.SaveChangesAsync(cancellationToken);

            // Checked after the backoff is saved: a receiver that reconfigured the stream (a new Authorization header,
            // say) before this read is retried now; one after it has had its pending SETs made due by the update.
            if (await ReconfiguredAsync(db, stream, cancellationToken))
            {
                row.NextAttemptAt = now;
                await db.SaveChangesAsync(cancellationToken);
                return now;
            }

            return row.NextAttemptAt;
        }

        return pending.Count == BatchSize ? now : long.MaxValue;
    }

    private static async Task<bool> ReconfiguredAsync(DevIdpDbContext db, SsfStreamRecord stream, CancellationToken cancellationToken) =>
        await db.SsfStreams.AsNoTracking().Where(row => row.Id == stream.Id).Select(row => row.UpdatedAt).FirstOrDefaultAsync(cancellationToken) != stream.UpdatedAt;

    /// <summary>Exponential backoff after <paramref name="attempts"/> failures, capped.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromMilliseconds(settings.PushInitialBackoff.TotalMilliseconds * factor);
        return delay > settings.PushMaxBackoff ? settings.PushMaxBackoff : delay;
    }

    /// <summary>Null when delivered; otherwise what went wrong (status and the RFC 8935 error body, or the exception).</summary>
    private static async Task<string?> PushAsync(HttpClient http, SsfStreamRecord stream, string set, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, stream.EndpointUrl) { Content = new StringContent(set) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/secevent+jwt");
            request.Headers.Accept.ParseAdd("application/json");
            if (!string.IsNullOrEmpty(stream.AuthorizationHeader))
            {
                request.Headers.TryAddWithoutValidation("Authorization", stream.AuthorizationHeader);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode is 202 or 200)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return $"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Push of SET {Jti} on stream {StreamId} failed (attempt {Attempts}: {Error}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string jti, string streamId, int attempts, string error, double delayMs);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Gave up pushing SET {Jti} on stream {StreamId} after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string jti, string streamId, int attempts, string error);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Push delivery round failed ({Error}: {Reason})")]
    private static partial void LogWorkerFailed(ILogger logger, string error, string reason);
}
