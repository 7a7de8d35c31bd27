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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = IdleWait;
            try
            {
                wait = await DeliverDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogWorkerFailed(logger, exception.GetType().Name, exception.Message);
            }

            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>Delivers what is due; returns how long to wait before the next due SET (at most a second).</summary>
    internal async Task<TimeSpan> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdpDbContext>();
        var streams = await db.SsfStreams.AsNoTracking()
            .Where(stream => stream.DeliveryMethod == SsfDeliveryMethods.Push && stream.Status == SsfStatuses.Enabled && stream.EndpointUrl != null)
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var next = long.MaxValue;
        var tasks = new List<Task<long>>();
        foreach (var stream in streams)
        {
            tasks.Add(DeliverStreamAsync(stream, now, cancellationToken));
        }

        foreach (var result in await Task.WhenAll(tasks))
        {
            next = Math.Min(next, result);
        }

        return next == long.MaxValue ? IdleWait : TimeSpan.FromMilliseconds(Math.Clamp(next - timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), 0, IdleWait.TotalMilliseconds));
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
            return row.NextAttemptAt;
        }

        return pending.Count == BatchSize ? now : long.MaxValue;
    }

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
