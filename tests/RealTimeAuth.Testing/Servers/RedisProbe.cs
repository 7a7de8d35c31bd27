using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RealTimeAuth.Testing.Servers;

/// <summary>Asks a Redis server for <c>PING</c> over a raw socket, without a client library's retry logic.</summary>
internal static class RedisProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    public static async Task<bool> AnswersPingAsync(int port)
    {
        using var timeoutSource = new CancellationTokenSource(AttemptTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeoutSource.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeoutSource.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeoutSource.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
