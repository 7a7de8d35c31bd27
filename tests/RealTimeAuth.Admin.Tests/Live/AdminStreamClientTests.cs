using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Tests.Live;

public sealed class AdminStreamClientTests : IAsyncDisposable
{
    private readonly AdminStreamClient _stream = new(
        new HttpClient(new FakeAdminApi()) { BaseAddress = new Uri("http://server.test/") }, TimeProvider.System, NullLogger<AdminStreamClient>.Instance);

    [Fact]
    public void SubscribeEvents_SubscriptionDisposed_HandlerNoLongerCalled()
    {
        var received = new List<long>();
        var subscription = _stream.SubscribeEvents(events => received.AddRange(events.Select(entry => entry.Sequence)));

        _stream.Dispatch("log", Json(Samples.Event(1)));
        subscription.Dispose();
        _stream.Dispatch("log", Json(Samples.Event(2)));

        Assert.Equal([1L], received);
        Assert.Equal([2L, 1L], _stream.RecentEvents.Select(entry => entry.Sequence));
    }

    [Fact]
    public void SubscribeStats_TwoSubscribers_DisposingOneKeepsTheOther()
    {
        var first = new List<int>();
        var second = new List<int>();
        var firstSubscription = _stream.SubscribeStats(stats => first.Add(stats.Sessions));
        using var secondSubscription = _stream.SubscribeStats(stats => second.Add(stats.Sessions));

        _stream.Dispatch("stats", Json(Samples.Stats(sessions: 1)));
        firstSubscription.Dispose();
        firstSubscription.Dispose();
        _stream.Dispatch("stats", Json(Samples.Stats(sessions: 2)));

        Assert.Equal([1], first);
        Assert.Equal([1, 2], second);
    }

    [Fact]
    public void SubscribeEvents_HandlerUnsubscribesWhileRunning_OthersStillCalled()
    {
        var calls = new List<string>();
        IDisposable? self = null;
        self = _stream.SubscribeEvents(_ =>
        {
            calls.Add("self");
            self!.Dispose();
        });
        using var other = _stream.SubscribeEvents(_ => calls.Add("other"));

        _stream.Dispatch("log", Json(Samples.Event(1)));
        _stream.Dispatch("log", Json(Samples.Event(2)));

        Assert.Equal(["self", "other", "other"], calls);
    }

    [Fact]
    public void SubscribeEvents_HandlerThrows_OtherSubscribersStillReceive()
    {
        var received = new List<long>();
        using var failing = _stream.SubscribeEvents(_ => throw new InvalidOperationException("handler failed"));
        using var working = _stream.SubscribeEvents(events => received.AddRange(events.Select(entry => entry.Sequence)));

        _stream.Dispatch("log", Json(Samples.Event(1)));
        _stream.Dispatch("log", Json(Samples.Event(2)));

        Assert.Equal([1L, 2L], received);
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
