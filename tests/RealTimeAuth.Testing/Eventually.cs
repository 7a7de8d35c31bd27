using System.Diagnostics;

namespace RealTimeAuth.Testing;

/// <summary>
/// Waits for a condition that other threads or processes make true, by checking it again every
/// <see cref="DefaultInterval"/> (or the interval given) until it holds or the timeout passes. For state a test can only
/// read; where the code under test raises an event or completes a task, await that instead.
/// </summary>
public static class Eventually
{
    /// <summary>How often a condition is checked unless the caller asks for another interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Whether <paramref name="condition"/> holds within <paramref name="timeout"/>. It is checked at once, then every
    /// <paramref name="interval"/>; a cancelled <paramref name="cancellationToken"/> throws.
    /// </summary>
    public static async Task<bool> UntilAsync(
        Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken = default, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(interval ?? DefaultInterval, cancellationToken);
        }

        return true;
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan, CancellationToken, TimeSpan?)"/>
    public static Task<bool> UntilAsync(
        Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), timeout, cancellationToken, interval);
    }

    /// <summary>
    /// Reads until <paramref name="accept"/> takes the value read, and returns that value. Throws
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> and the last value read when
    /// <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<T> ReadUntilAsync<T>(
        Func<Task<T>> read, Func<T, bool> accept, TimeSpan timeout, string what, CancellationToken cancellationToken = default, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accept);
        var last = default(T);
        if (await UntilAsync(async () => accept(last = await read()), timeout, cancellationToken, interval))
        {
            return last!;
        }

        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0.#} s; last read: {last}.");
    }
}
