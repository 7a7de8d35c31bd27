using System.Threading.Channels;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// One open admin stream's queue. Bounded: a console that cannot keep up loses the oldest batches, never
/// slows the feed or the other consoles (it can reload from <c>GET /admin/v1/events</c>).
/// </summary>
internal sealed class MonitorSubscription(Action<MonitorSubscription> unsubscribe) : IDisposable
{
    public const int Capacity = 64;

    private readonly Channel<MonitorMessage> _channel = Channel.CreateBounded<MonitorMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<MonitorMessage> Reader => _channel.Reader;

    public void Post(MonitorMessage message) => _channel.Writer.TryWrite(message);

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        unsubscribe(this);
    }
}
