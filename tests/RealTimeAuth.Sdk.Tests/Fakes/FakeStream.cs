using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>One live stream as the fake server sees it: what the client sent, and a way to push, end or break it.</summary>
internal sealed class FakeStream(string? authorization, HttpContext httpContext, SeenProof proof, string binding)
{
    private readonly Channel<ClientMessage> _received = Channel.CreateUnbounded<ClientMessage>();
    private readonly Channel<ServerMessage> _outbound = Channel.CreateUnbounded<ServerMessage>();

    /// <summary>The <c>authorization</c> metadata the stream was opened with.</summary>
    public string? Authorization { get; } = authorization;

    /// <summary>The verified proof the stream was opened with.</summary>
    public SeenProof Proof { get; } = proof;

    /// <summary>The <c>rta-stream-binding</c> the stream was answered with.</summary>
    public string Binding { get; } = binding;

    /// <summary>The HTTP connection the stream runs on.</summary>
    public string ConnectionId => httpContext.Connection.Id;

    public async Task<ClientMessage> NextClientMessageAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Default);

    public async Task<Hello> HelloAsync()
    {
        var first = await NextClientMessageAsync();
        Assert.Equal(ClientMessage.KindOneofCase.Hello, first.KindCase);
        return first.Hello;
    }

    public async Task<ulong> NextAckAsync()
    {
        var message = await NextClientMessageAsync();
        Assert.Equal(ClientMessage.KindOneofCase.Ack, message.KindCase);
        return message.Ack.Sequence;
    }

    public void Push(ServerMessage message) => _outbound.Writer.TryWrite(message);

    public void PushRefresh(ulong sequence, string token, uint tokenSequence, long freshUntilUnixMs = 4_102_444_800_000) =>
        Push(new ServerMessage
        {
            Sequence = sequence,
            TokenRefresh = new TokenRefresh { Token = token, TokenSequence = tokenSequence, FreshUntilUnixMs = freshUntilUnixMs, Reason = RtaRefreshReasons.ContextChanged },
        });

    public void PushRevocation(ulong sequence, string reason, long eventSequence, long eventTimeUnixMs, string detail = "") =>
        Push(new ServerMessage
        {
            Sequence = sequence,
            Revocation = new Revocation { Reason = reason, Detail = detail, EventSequence = eventSequence, EventTimeUnixMs = eventTimeUnixMs },
        });

    /// <summary>Ends the stream normally (status OK), as a replica shutting down gracefully would.</summary>
    public void Complete() => _outbound.Writer.TryComplete();

    /// <summary>Ends the stream as the server does when a newer stream of the same key replaced it.</summary>
    public void Supersede() => _outbound.Writer.TryComplete(new RpcException(
        new Status(StatusCode.ResourceExhausted, RtaStreamCloseReasons.Superseded),
        new Metadata { { "rta-reason", RtaStreamCloseReasons.Superseded } }));

    /// <summary>Breaks the stream as a crashing server or a dropped network would (HTTP/2 RST_STREAM).</summary>
    public void Abort()
    {
        try
        {
            httpContext.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The call already ended (the client closed it); there is nothing left to break.
        }
    }

    internal async Task RunAsync(IAsyncStreamReader<ClientMessage> requests, IServerStreamWriter<ServerMessage> responses, CancellationToken cancellationToken)
    {
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(requests, stopReading.Token);
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the stream was aborted.
        }
        catch (RpcException)
        {
            stopReading.Cancel();
            await reading;
            throw;
        }

        // The handler must not return while the request stream is still being read.
        stopReading.Cancel();
        await reading;
    }

    private async Task ReadAsync(IAsyncStreamReader<ClientMessage> requests, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in requests.ReadAllAsync(cancellationToken))
            {
                _received.Writer.TryWrite(message);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException or RpcException)
        {
            // The stream ended under the reader.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
