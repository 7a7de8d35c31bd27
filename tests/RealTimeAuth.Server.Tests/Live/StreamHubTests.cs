using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Tests.Live;

public sealed class StreamHubTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SessionCache _cache = new();
    private readonly StreamHub _hub;

    public StreamHubTests()
    {
        var telemetry = new RtaServerTelemetry(_services.GetRequiredService<IMeterFactory>());
        _hub = new StreamHub(_cache, Options.Create(new LiveChannelOptions { StreamBufferCapacity = 4 }), telemetry, NullLogger<StreamHub>.Instance);
    }

    [Fact]
    public void Change_OfConnectedSession_QueuesOnItsStreamsOnly()
    {
        var session = TestSessions.Active("documents:read");
        var other = TestSessions.Active("documents:read");
        using var first = _hub.Connect(session.Id, "test");
        using var second = _hub.Connect(session.Id, "test");
        using var unrelated = _hub.Connect(other.Id, "test");

        _cache.Apply(Change(SessionChangeKind.Revoked, TestSessions.Revoked(session, DateTimeOffset.UnixEpoch)));

        Assert.True(first.Signals.TryRead(out var signal));
        Assert.Equal(SessionChangeKind.Revoked, signal.Change.Kind);
        Assert.True(second.Signals.TryRead(out _));
        Assert.False(unrelated.Signals.TryRead(out _));
    }

    [Fact]
    public void Change_WhenStreamQueueIsFull_DropsThatStreamWithoutWaiting()
    {
        var session = TestSessions.Active("documents:read");
        using var connection = _hub.Connect(session.Id, "test");

        for (var i = 0; i < 5; i++)
        {
            _cache.Apply(Change(SessionChangeKind.ContextChanged, session));
        }

        Assert.Equal(RtaStreamCloseReasons.StreamOverloaded, connection.DropReason);
        Assert.True(connection.Dropped.IsCancellationRequested);
    }

    [Fact]
    public void Created_ForConnectedSession_IsNotQueued()
    {
        var session = TestSessions.Active("documents:read");
        using var connection = _hub.Connect(session.Id, "test");

        _cache.Apply(Change(SessionChangeKind.Created, session));

        Assert.False(connection.Signals.TryRead(out _));
    }

    [Fact]
    public void Dispose_OfConnection_RemovesItFromTheHub()
    {
        var session = TestSessions.Active("documents:read");
        var connection = _hub.Connect(session.Id, "test");

        connection.Dispose();

        Assert.Empty(_hub.ConnectionsOf(session.Id));
        Assert.Equal(0, _hub.Count);
    }

    [Fact]
    public void Supersede_DropsTheSessionsOtherStreamsOnly()
    {
        var session = TestSessions.Active("documents:read");
        var other = TestSessions.Active("documents:read");
        using var older = _hub.Connect(session.Id, "test");
        using var newer = _hub.Connect(session.Id, "test");
        using var unrelated = _hub.Connect(other.Id, "test");

        var dropped = _hub.Supersede(session.Id, newer.Id);

        Assert.Equal(1, dropped);
        Assert.Equal(RtaStreamCloseReasons.Superseded, older.DropReason);
        Assert.Null(newer.DropReason);
        Assert.Null(unrelated.DropReason);
    }

    [Fact]
    public void FindBound_MatchesTheOpenStreamOfThatSessionOnly()
    {
        var session = TestSessions.Active("documents:read");
        var other = TestSessions.Active("documents:read");
        using var connection = _hub.Connect(session.Id, "test");
        var binding = System.Buffers.Text.Base64Url.DecodeFromChars(connection.Binding);

        Assert.Same(connection, _hub.FindBound(session.Id, binding));
        Assert.Null(_hub.FindBound(other.Id, binding));
        connection.Drop(RtaStreamCloseReasons.Superseded);
        Assert.Null(_hub.FindBound(session.Id, binding));
    }

    public void Dispose()
    {
        _hub.Dispose();
        _services.Dispose();
    }

    private static SessionChange Change(SessionChangeKind kind, SessionState session) =>
        new(kind, session, 1, DateTimeOffset.UnixEpoch, null, null);
}
