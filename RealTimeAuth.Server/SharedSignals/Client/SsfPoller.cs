using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>
/// RFC 8936 poll delivery for one stream: long polls (<c>returnImmediately: false</c>; the transmitter bounds the wait,
/// this receiver gives up after <see cref="SharedSignalsOptions.PollWait"/>), hands each SET to the same
/// <see cref="SetProcessor"/> as push, acknowledges in the next poll what it stored (or already had), reports what it
/// refused in <c>setErrs</c>, and leaves unacknowledged what it could not decide now, so it comes again. Backs off
/// exponentially while the transmitter fails.
/// </summary>
internal sealed partial class SsfPoller(
    IServiceScopeFactory scopeFactory,
    SsfTransmitterClient client,
    SsfStreamCatalog catalog,
    IOptions<SharedSignalsOptions> options,
    TimeProvider timeProvider,
    ILogger<SsfPoller> logger)
{
    private const int MaxEvents = 100;

    public async Task RunAsync(SsfManagedStream stream, CancellationToken stoppingToken)
    {
        var acks = new List<string>();
        var errors = new Dictionary<string, (string Err, string Description)>(StringComparer.Ordinal);
        var delay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested && SsfStreamManager.IsEnabled(catalog, stream))
        {
            try
            {
                var result = await client.PollAsync(stream.Transmitter, stream.PollEndpoint!, acks, errors, returnImmediately: false, MaxEvents,
                    options.Value.PollWait, stoppingToken);
                acks.Clear();
                errors.Clear();
                delay = TimeSpan.Zero;
                if (result.Sets.Count > 0)
                {
                    await ProcessAsync(stream, result.Sets, acks, errors, stoppingToken);
                }
            }
            catch (SsfTransmitterException exception) when (!stoppingToken.IsCancellationRequested)
            {
                delay = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.TransmitterMaxBackoff.Ticks));
                LogPollFailed(logger, stream.Transmitter.Issuer, exception.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
    }

    internal async Task ProcessAsync(
        SsfManagedStream stream, IReadOnlyDictionary<string, string> sets, List<string> acks, Dictionary<string, (string Err, string Description)> errors,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(stream.Id) is not { } descriptor)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<SetProcessor>();
        foreach (var (jti, set) in sets)
        {
            try
            {
                var result = await processor.ProcessAsync(set, [descriptor], ReceivedSetStatus.Poll, cancellationToken);
                if (result.IsAccepted)
                {
                    acks.Add(jti);
                }
                else
                {
                    errors[jti] = (result.Rejection!.Error, result.Rejection.Description);
                }
            }
            catch (Exception exception) when (exception is TransmitterUnavailableException or DbException or DbUpdateException or TimeoutException)
            {
                // Neither acknowledged nor refused: the transmitter delivers it again.
                LogDeferred(logger, jti, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 5046, Level = LogLevel.Warning, Message = "Polling transmitter {Issuer} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogPollFailed(ILogger logger, string issuer, string reason, double delayMs);

    [LoggerMessage(EventId = 5047, Level = LogLevel.Warning, Message = "Polled SET {Jti} could not be processed now ({Error}); left for redelivery")]
    private static partial void LogDeferred(ILogger logger, string jti, string error);
}
