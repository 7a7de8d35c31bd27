using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>Opening and reading gRPC live streams in tests, every wait bounded by <see cref="LiveServer.Timeout"/>.</summary>
internal static class LiveStreams
{
    public static Metadata Authorization(string token) => new() { { "authorization", "RTA " + token } };

    /// <summary>Opens the agent's stream as its SDK does: its token (or <paramref name="token"/>) and a fresh proof.</summary>
    public static Task<AsyncDuplexStreamingCall<ClientMessage, ServerMessage>> OpenAsync(
        LiveServer server, TestAgentSession agent, string? token = null, ulong resumeAfter = 0, CancellationToken cancellationToken = default) =>
        OpenAsync(server, agent.GrpcHeaders(server.ConnectUri, token), resumeAfter, cancellationToken);

    public static async Task<AsyncDuplexStreamingCall<ClientMessage, ServerMessage>> OpenAsync(
        LiveServer server, Metadata headers, ulong resumeAfter = 0, CancellationToken cancellationToken = default)
    {
        var call = server.Client.Connect(headers, cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello { ResumeAfter = resumeAfter } }).WaitAsync(LiveServer.Timeout);
        }
        catch (RpcException)
        {
            // The server may refuse the call before the Hello is written; the response stream then carries the status.
        }

        return call;
    }

    public static async Task<ServerMessage> NextAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? LiveServer.Timeout);
        Assert.True(await call.ResponseStream.MoveNext(deadline.Token), "The stream ended.");
        return call.ResponseStream.Current;
    }

    /// <summary>The next message of <paramref name="kind"/>, skipping heartbeats.</summary>
    public static async Task<ServerMessage> NextOfKindAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call, ServerMessage.KindOneofCase kind)
    {
        while (true)
        {
            var message = await NextAsync(call);
            if (message.KindCase == kind)
            {
                return message;
            }

            Assert.Equal(ServerMessage.KindOneofCase.Heartbeat, message.KindCase);
        }
    }

    /// <summary>True when the server ended the stream with status OK.</summary>
    public static async Task<bool> EndsAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        using var deadline = new CancellationTokenSource(LiveServer.Timeout);
        var more = await call.ResponseStream.MoveNext(deadline.Token);
        return !more && call.GetStatus().StatusCode == StatusCode.OK;
    }

    public static async Task<RpcException> RefusalAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        using var deadline = new CancellationTokenSource(LiveServer.Timeout);
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(deadline.Token));
    }

    public static string? Reason(RpcException exception) => exception.Trailers.GetValue("rta-reason");

    /// <summary>The stream binding the server sent in the response headers of a bound stream.</summary>
    public static async Task<string> BindingAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        var headers = await call.ResponseHeadersAsync.WaitAsync(LiveServer.Timeout);
        return Assert.IsType<string>(headers.GetValue("rta-stream-binding"));
    }
}
