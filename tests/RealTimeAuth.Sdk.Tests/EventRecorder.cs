using System.Threading.Channels;

namespace RealTimeAuth.Sdk.Tests;

/// <summary>Collects event arguments and hands them out in order, each wait bounded.</summary>
internal sealed class EventRecorder<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Record(object? sender, T args)
    {
        Interlocked.Increment(ref _count);
        _channel.Writer.TryWrite(args);
    }

    public async Task<T> NextAsync() => await _channel.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Default);

    public async Task<T> FirstAsync(Func<T, bool> predicate)
    {
        while (true)
        {
            var next = await NextAsync();
            if (predicate(next))
            {
                return next;
            }
        }
    }
}
