namespace RealTimeAuth.Testing.Hosting;

/// <summary>Bounds for starting hosts and for single requests to them.</summary>
public static class HostingTimeouts
{
    /// <summary>Starting one host and waiting until it is ready.</summary>
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP request to a host, as <see cref="HttpClient.Timeout"/>.</summary>
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(90);
}
