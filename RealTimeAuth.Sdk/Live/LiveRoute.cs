using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Sdk.Live;

/// <summary>
/// The live channel addresses a session may stream from, in order: the one the exchange named (or the configured one),
/// then <see cref="RtaClientOptions.LiveChannelFallbackAddresses"/>. After a stream is lost the next reconnect goes to
/// the next address, round and round, so agents of a replica that died move to a survivor within one backoff delay.
/// Only the stream loop moves it; unary calls follow it, because a stream binding is known only where its stream is.
/// </summary>
internal sealed class LiveRoute(IReadOnlyList<LiveChannel.LiveChannelClient> replicas)
{
    private int _current;

    public LiveChannel.LiveChannelClient Current => replicas[Volatile.Read(ref _current)];

    /// <summary>Which address of the route is in use, counting from zero.</summary>
    public int CurrentIndex => Volatile.Read(ref _current);

    /// <summary>Moves to the next address; a route of one address stays where it is.</summary>
    public void Advance() => Volatile.Write(ref _current, (_current + 1) % replicas.Count);
}
