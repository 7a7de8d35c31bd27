namespace RealTimeAuth.Admin.Live;

/// <summary>
/// The handlers of one kind of stream message. <see cref="Add"/> returns the subscription: disposing it removes the
/// handler, so a component holds one <see cref="IDisposable"/> and disposes it with itself. <see cref="Publish"/>
/// calls the handlers registered at that moment, on the caller's thread; a handler may unsubscribe while it runs.
/// A handler that throws is reported to <c>onFailure</c> and does not keep the others from their message.
/// </summary>
internal sealed class Subscribers<T>(Action<Exception> onFailure)
{
    private readonly Lock _gate = new();
    private Action<T>[] _handlers = [];

    public IDisposable Add(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(T value)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            try
            {
                handler(value);
            }
            catch (Exception exception)
            {
                onFailure(exception);
            }
        }
    }

    private void Remove(Action<T> handler)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_handlers, handler);
            if (index >= 0)
            {
                _handlers = [.. _handlers.AsSpan(0, index), .. _handlers.AsSpan(index + 1)];
            }
        }
    }

    private sealed class Subscription(Subscribers<T> owner, Action<T> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(handler);
            }
        }
    }
}
