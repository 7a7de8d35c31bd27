namespace RealTimeAuth.Sdk;

/// <summary>Where an agent finds its RealTimeAuth server and who it is. Bound from the <c>RealTimeAuth</c> configuration section.</summary>
public sealed class RtaClientOptions
{
    /// <summary>The configuration section <see cref="RtaClientServiceCollectionExtensions.AddRealTimeAuthClient(Microsoft.Extensions.Hosting.IHostApplicationBuilder, string, Action{RtaClientOptions}?)"/> binds by default.</summary>
    public const string SectionName = "RealTimeAuth";

    /// <summary>Base address of the RTA server, for example <c>https://server</c>. Required.</summary>
    public Uri? ServerAddress { get; set; }

    /// <summary>The agent's OAuth client id at the RTA server. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; when set the client authenticates with HTTP Basic (RFC 6749 §2.3.1), otherwise it sends <c>client_id</c> in the form.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The identity used for exchanges that do not name their own agent.</summary>
    public RtaAgentIdentity Agent { get; set; } = new();

    /// <summary>The gRPC live channel address; unset means the <c>live_channel.grpc</c> address the exchange returns.</summary>
    public Uri? LiveChannelAddress { get; set; }

    /// <summary>
    /// Live channel addresses of other replicas, tried in this order after the first one fails (a replica that died or
    /// is unreachable); each reconnect, still after the jittered backoff, moves to the next address and round again.
    /// Empty (the default) when every replica sits behind one address, such as an Aspire service name or a load balancer:
    /// then a reconnect opens a new connection to that name, which lands on a live replica. See docs/adr/0022.
    /// </summary>
    public IList<Uri> LiveChannelFallbackAddresses { get; set; } = [];

    /// <summary>
    /// Makes each session's proof-of-possession key (one per session); null makes non-exportable Ed25519 keys in
    /// memory, which never leave the process.
    /// </summary>
    public IRtaSessionKeyFactory? SessionKeys { get; set; }

    /// <summary>Allows plain-http server and live channel addresses, which send tokens unencrypted. For local development and tests only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>First reconnect delay ceiling; each attempt doubles it up to <see cref="ReconnectMaxDelay"/> (full jitter).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle time before the HTTP/2 connection is probed with a PING.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a PING may go unanswered before the connection is considered dead and the stream reconnects.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
