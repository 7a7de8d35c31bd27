using Grpc.Core;
using Grpc.Net.Client;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// A raw gRPC live stream of its own session that says Hello and then reads nothing, acknowledges nothing: the slow
/// consumer. <see cref="DrainAsync"/> reads it afterwards, to count what the server sent before it gave up and why.
/// </summary>
internal sealed class StalledStream : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<ClientMessage, ServerMessage> _call;

    private StalledStream(GrpcChannel channel, AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        _channel = channel;
        _call = call;
    }

    public static async Task<StalledStream> OpenAsync(ServerProcess replica, string userToken, string copilotSecret, CancellationToken cancellationToken)
    {
        using var http = FaultEnvironment.CreateHttpClient(replica);
        var session = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, copilotSecret), cancellationToken);
        if (session.AccessToken is null)
        {
            throw new InvalidOperationException($"The slow consumer's exchange failed: {session}");
        }

        // Its own channel, so its HTTP/2 connection's window fills and nobody else's does.
        var channel = GrpcChannel.ForAddress(replica.GrpcAddress);
        var target = new Uri(replica.GrpcAddress, "realtimeauth.v1.LiveChannel/Connect");
        var headers = new Metadata
        {
            { "authorization", $"RTA {session.AccessToken}" },
            { "dpop", session.Key!.Prove(HttpMethod.Post, target, session.AccessToken) },
        };
        var call = new LiveChannel.LiveChannelClient(channel).Connect(headers, cancellationToken: CancellationToken.None);
        await call.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello() }, cancellationToken);
        return new StalledStream(channel, call);
    }

    /// <summary>Reads what the server sent until the stream ends; returns the count, the status and the <c>rta-reason</c> trailer.</summary>
    public async Task<(int Messages, StatusCode Status, string? Reason)> DrainAsync(CancellationToken cancellationToken)
    {
        var messages = 0;
        try
        {
            while (await _call.ResponseStream.MoveNext(cancellationToken))
            {
                messages++;
            }

            return (messages, StatusCode.OK, _call.GetTrailers().GetValue("rta-reason"));
        }
        catch (RpcException closed)
        {
            return (messages, closed.StatusCode, closed.Trailers.GetValue("rta-reason"));
        }
    }

    public void Dispose()
    {
        _call.Dispose();
        _channel.Dispose();
    }
}
