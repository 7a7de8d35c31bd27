using System.Net.Sockets;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>Starting hosts on ports picked with <see cref="Servers.FreePort"/>, which another process may take first.</summary>
public static class LoopbackPort
{
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
