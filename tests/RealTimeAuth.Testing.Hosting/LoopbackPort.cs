using System.Net;
using System.Net.Sockets;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>Picks a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class LoopbackPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Starts a host on freshly picked ports, picking again when another process took one in between
    /// (Kestrel then fails with "address already in use").
    /// </summary>
    public static async Task<T> StartWithRetryAsync<T>(Func<T> create, Func<T, Task> start)
        where T : IAsyncDisposable
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var host = create();
            try
            {
                await start(host);
                return host;
            }
            catch (Exception exception) when (attempt < attempts && IsAddressInUse(exception))
            {
                await host.DisposeAsync();
            }
        }
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is IOException && exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
