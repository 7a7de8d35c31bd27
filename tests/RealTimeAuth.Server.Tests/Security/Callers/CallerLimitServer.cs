using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>
/// A real Kestrel server whose per-caller bucket for one family is tiny (refilled once an hour, so no test races the
/// refill) while the per-address limits keep their generous defaults; and clients that connect from a chosen loopback
/// address, so one caller can be seen from two addresses.
/// </summary>
internal static class CallerLimitServer
{
    public const int Burst = 3;

    public static readonly IPAddress FirstAddress = IPAddress.Parse("127.0.0.1");
    public static readonly IPAddress SecondAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>Settings that make <c>RateLimits:PerClient:&lt;family&gt;</c> a bucket of <see cref="Burst"/>.</summary>
    public static Dictionary<string, string> TinyPerClient(string family, Dictionary<string, string>? settings = null) =>
        new(settings ?? [])
        {
            [$"RateLimits:PerClient:{family}:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
            [$"RateLimits:PerClient:{family}:TokensPerPeriod"] = "1",
            [$"RateLimits:PerClient:{family}:Period"] = "01:00:00",
        };

    public static Task<LiveServer> StartAsync(
        InfrastructureFixture infrastructure, string name, string family, Dictionary<string, string>? settings = null) =>
        LiveServer.StartOnKestrelAsync(infrastructure, name, TinyPerClient(family, settings));

    /// <summary>An HTTP client of <paramref name="server"/> whose connections come from <paramref name="local"/>.</summary>
    public static HttpClient From(LiveServer server, IPAddress local) =>
        new(FromAddress(local)) { BaseAddress = server.BaseAddress, Timeout = LiveServer.Timeout };

    /// <summary>A gRPC channel to <paramref name="server"/>'s HTTP/2 port whose connections come from <paramref name="local"/>.</summary>
    public static GrpcChannel GrpcFrom(LiveServer server, IPAddress local) =>
        GrpcChannel.ForAddress(new Uri(server.AuthorizeRpcUri, "/"), new GrpcChannelOptions { HttpHandler = FromAddress(local) });

    public static async Task<List<HttpStatusCode>> SendAsync(int count, Func<Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await send().WaitAsync(LiveServer.Timeout);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static SocketsHttpHandler FromAddress(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
