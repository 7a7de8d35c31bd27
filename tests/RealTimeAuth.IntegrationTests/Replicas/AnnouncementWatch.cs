using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Testing.Hosting;
using StackExchange.Redis;

namespace RealTimeAuth.IntegrationTests.Replicas;

/// <summary>Listens on the announcement channel as a replica would, and checks what it heard against the event log.</summary>
internal sealed class AnnouncementWatch : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _heard = new();
    private readonly ServerCluster _cluster;
    private readonly ConnectionMultiplexer _redis;
    private readonly AnnouncementKey _key;

    private AnnouncementWatch(ServerCluster cluster, ConnectionMultiplexer redis)
    {
        _cluster = cluster;
        _redis = redis;
        _key = new AnnouncementKey(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AnnouncementKey.SecretKey] = cluster.EncryptionKey })
            .Build());
    }

    public static async Task<AnnouncementWatch> StartAsync(ServerCluster cluster)
    {
        var watch = new AnnouncementWatch(cluster, await ConnectionMultiplexer.ConnectAsync(cluster.RedisConnectionString));
        await watch._redis.GetSubscriber().SubscribeAsync(EventAnnouncer.Channel, (_, message) => watch._heard.Enqueue((byte[])message!));
        return watch;
    }

    /// <summary>Every announcement heard is authentic and carries entries equal to the log's rows.</summary>
    public async Task AssertAllCommittedAsync(CancellationToken cancellationToken)
    {
        Assert.NotEmpty(_heard);
        foreach (var message in _heard)
        {
            var entries = AnnouncementCodec.Decode(message, _key, out var rejection);
            Assert.True(entries is not null, $"An announcement was not authentic: {rejection}.");
            foreach (var entry in entries!)
            {
                var type = await _cluster.ScalarAsync($"SELECT type FROM event_log WHERE sequence = {entry.Sequence}", cancellationToken);
                Assert.Equal(entry.Type, type);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
