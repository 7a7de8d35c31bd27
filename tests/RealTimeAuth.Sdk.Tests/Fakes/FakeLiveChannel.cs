using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>The live channel service of the fake server: streams the tests drive by hand, and a scripted Authorize.</summary>
internal sealed class FakeLiveChannel : LiveChannel.LiveChannelBase
{
    private readonly Channel<FakeStream> _streams = Channel.CreateUnbounded<FakeStream>();
    private readonly ConcurrentDictionary<FakeStream, bool> _open = new();
    private readonly ConcurrentQueue<FakeAuthorizeCall> _authorizeCalls = new();
    private int _connectAttempts;

    /// <summary>Every Connect, refused or not.</summary>
    public int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    /// <summary>When set, Connect refuses the token with <c>Unauthenticated</c> and this <c>rta-reason</c>.</summary>
    public string? RefuseConnectWith { get; set; }

    /// <summary>When set, Authorize refuses the token with <c>Unauthenticated</c> and this <c>rta-reason</c>.</summary>
    public string? RefuseAuthorizeWith { get; set; }

    public Func<AuthorizeRequest, AuthorizeResponse> Decide { get; set; } =
        _ => new AuthorizeResponse { Decision = true, Reason = "allowed" };

    public IReadOnlyList<FakeAuthorizeCall> AuthorizeCalls => [.. _authorizeCalls];

    public async Task<FakeStream> NextStreamAsync() => await _streams.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Default);

    public override async Task Connect(IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref _connectAttempts);
        if (RefuseConnectWith is { } reason)
        {
            throw Refuse(reason);
        }

        await context.WriteResponseHeadersAsync([]);
        var stream = new FakeStream(context.RequestHeaders.GetValue("authorization"), context.GetHttpContext());
        _open[stream] = true;
        _streams.Writer.TryWrite(stream);
        try
        {
            await stream.RunAsync(requestStream, responseStream, context.CancellationToken);
        }
        finally
        {
            _open.TryRemove(stream, out _);
        }
    }

    /// <summary>Breaks every open stream, as a crashing server would.</summary>
    public void AbortAll()
    {
        foreach (var stream in _open.Keys)
        {
            stream.Abort();
        }
    }

    public override Task<AuthorizeResponse> Authorize(AuthorizeRequest request, ServerCallContext context)
    {
        _authorizeCalls.Enqueue(new FakeAuthorizeCall(request, context.RequestHeaders.GetValue("authorization"), context.GetHttpContext().Connection.Id));
        return RefuseAuthorizeWith is { } reason ? throw Refuse(reason) : Task.FromResult(Decide(request));
    }

    private static RpcException Refuse(string reason) =>
        new(new Status(StatusCode.Unauthenticated, "The token was refused."), new Metadata { { "rta-reason", reason } });
}
