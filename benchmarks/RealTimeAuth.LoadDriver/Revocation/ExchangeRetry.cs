using RealTimeAuth.Sdk;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>
/// Retries a connect whose exchange the server refused with <c>temporarily_unavailable</c> (a replica catching up
/// with the event log refuses exchanges until it is current, ADR 0003), as a client following that error would:
/// with a growing pause, a bounded number of times. Any other failure, or the last refusal, is thrown.
/// </summary>
internal static class ExchangeRetry
{
    public const int Attempts = 8;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(3);

    private static long _retries;

    /// <summary>Refused exchanges retried so far in this process.</summary>
    public static long Retries => Interlocked.Read(ref _retries);

    public static async Task<T> RunAsync<T>(Func<Task<T>> connect, CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await connect();
            }
            catch (RtaExchangeException refused) when (refused.Error == "temporarily_unavailable" && attempt < Attempts)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
            }
        }
    }
}
