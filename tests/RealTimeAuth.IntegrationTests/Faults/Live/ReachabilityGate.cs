namespace RealTimeAuth.IntegrationTests.Faults.Live;

/// <summary>
/// Makes every replica unreachable for the SDK clients built with <see cref="CreateHandler"/> while closed: a new request
/// fails at once, as a refused connection does; a stream already open is not touched. It lets a test hold agents
/// disconnected for as long as it needs, then let them reconnect.
/// </summary>
internal sealed class ReachabilityGate
{
    private volatile bool _closed;

    public void Close() => _closed = true;

    public void Open() => _closed = false;

    /// <summary>A handler for one SDK channel; the SDK disposes it.</summary>
    public HttpMessageHandler CreateHandler() => new GateHandler(this)
    {
        InnerHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        },
    };

    private sealed class GateHandler(ReachabilityGate gate) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            gate._closed
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "The replicas are unreachable (gate closed)."))
                : base.SendAsync(request, cancellationToken);
    }
}
