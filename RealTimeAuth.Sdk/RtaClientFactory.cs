using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Sdk.Binding;
using RealTimeAuth.Sdk.Configuration;
using RealTimeAuth.Sdk.Exchange;
using RealTimeAuth.Sdk.Live;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk;

/// <summary>
/// Exchanges tokens at <c>{ServerAddress}/oauth/token</c> and connects sessions. All clients of one factory share one
/// <see cref="GrpcChannel"/> per live channel address, so every session's stream and calls are multiplexed over a few
/// HTTP/2 connections. Each session gets a key of its own from <see cref="RtaClientOptions.SessionKeys"/>; proofs are
/// written innermost in the handlers, for the URI on the wire. Dispose it after its clients.
/// </summary>
public sealed class RtaClientFactory : IRtaClientFactory, IDisposable
{
    private readonly Func<HttpMessageHandler> _createHandler;
    private readonly ConcurrentDictionary<Uri, Lazy<GrpcChannel>> _channels = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly HttpClient _http;
    private readonly RtaExchangeClient _exchange;
    private readonly RtaClientServices _services;
    private readonly Uri _serverAddress;
    private readonly Uri? _liveChannelAddress;
    private readonly Uri[] _fallbackAddresses;
    private readonly bool _allowInsecureHttp;
    private readonly RtaAgentIdentity _agent;
    private readonly IRtaSessionKeyFactory _sessionKeys;
    private readonly ProofRegistry _proofs = new();

    /// <param name="options">Validated at once; an invalid value throws <see cref="OptionsValidationException"/>.</param>
    /// <param name="createHttpHandler">
    /// Creates the handler for exchanges, and one per live channel address (gRPC configures and owns it, so handlers are
    /// never shared). The factory disposes them, and puts its proof handler innermost in each (after the last
    /// <see cref="DelegatingHandler"/>), so it sees the final request URI. Null means a <see cref="SocketsHttpHandler"/> with HTTP/2 keep-alive pings.
    /// </param>
    /// <param name="loggerFactory">Logging; null logs nothing.</param>
    /// <param name="timeProvider">The clock for freshness, revocation latency and backoff delays.</param>
    /// <param name="meterFactory">Creates the SDK's meter; null uses a meter of its own.</param>
    public RtaClientFactory(
        RtaClientOptions options,
        Func<HttpMessageHandler>? createHttpHandler = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new RtaClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RtaClientOptions), validation.Failures);
        }

        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _createHandler = createHttpHandler ?? (() => CreateHandler(options));
        _http = new HttpClient(ProofHandler.Insert(_createHandler(), _proofs), disposeHandler: true);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RealTimeAuth.Sdk", typeof(RtaClientFactory).Assembly.GetName().Version?.ToString()));
        _serverAddress = WithTrailingSlash(options.ServerAddress!);
        _liveChannelAddress = options.LiveChannelAddress;
        _fallbackAddresses = [.. options.LiveChannelFallbackAddresses ?? []];
        _allowInsecureHttp = options.AllowInsecureHttp;
        _agent = Copy(options.Agent);
        _sessionKeys = options.SessionKeys ?? NsecSessionKeyFactory.Instance;

        var logger = _loggerFactory.CreateLogger<RtaClient>();
        var telemetry = new RtaSdkTelemetry(meterFactory);
        _services = new RtaClientServices(timeProvider ?? TimeProvider.System, telemetry, logger, options.ReconnectBaseDelay, options.ReconnectMaxDelay);
        var tokenEndpoint = new Uri(_serverAddress, "oauth/token");
        _exchange = new RtaExchangeClient(_http, tokenEndpoint, options.ClientId!, options.ClientSecret, telemetry, logger);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A delegated exchange (<see cref="RtaExchangeNames.RtaTokenType"/>) proves the parent's key as well; the parent must
    /// be a live <see cref="RtaClient"/> of this process holding that token, or the server refuses the delegation.
    /// </remarks>
    public Task<RtaClient> ConnectAsync(RtaSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parent = request.SubjectTokenType == RtaExchangeNames.RtaTokenType && !string.IsNullOrEmpty(request.SubjectToken)
            ? LiveSessions.FindByToken(request.SubjectToken)
            : null;
        return ConnectAsync(request, parent, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.IsValueCreated)
            {
                channel.Value.Dispose();
            }
        }

        _http.Dispose();
        _proofs.ReleaseAll();
        _services.Telemetry.Dispose();
    }

    /// <summary>Exchanges and connects; a delegated exchange also proves possession of <paramref name="parent"/>'s key.</summary>
    internal async Task<RtaClient> ConnectAsync(RtaSessionRequest request, RtaClient? parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SubjectToken, nameof(request));
        var agent = request.Agent is null ? _agent : Copy(request.Agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Id, $"{nameof(request)}.{nameof(request.Agent)}.{nameof(RtaAgentIdentity.Id)}");

        var proofs = new SessionProofs(_sessionKeys.CreateSessionKey(), _services.Time);
        try
        {
            proofs.Observe(parent?.Proofs.Nonce);
            var exchange = await _exchange.ExchangeAsync(request, agent, proofs, parent?.Proofs, cancellationToken).ConfigureAwait(false);
            var address = LiveChannelAddress.Resolve(_liveChannelAddress, _serverAddress, exchange.LiveChannel?.Grpc);
            if (address.Scheme != Uri.UriSchemeHttps && !_allowInsecureHttp)
            {
                throw new InvalidOperationException(
                    $"The server advertised the live channel at {address}, which is not https; set {RtaClientOptions.SectionName}:{nameof(RtaClientOptions.AllowInsecureHttp)}=true for local development only.");
            }

            var client = new RtaClient(this, exchange, agent, RouteFrom(address), proofs, _services);
            _proofs.Add(proofs);
            client.Start();
            return client;
        }
        catch
        {
            _proofs.Release(proofs);
            throw;
        }
    }

    /// <summary>Forgets a disposed client's session and disposes its key.</summary>
    internal void Release(SessionProofs proofs) => _proofs.Release(proofs);

    /// <summary>The advertised (or configured) address first, then the fallbacks other than it, each once.</summary>
    private LiveRoute RouteFrom(Uri address) =>
        new([.. new[] { address }.Concat(_fallbackAddresses).Distinct().Select(each => new LiveChannel.LiveChannelClient(ChannelFor(each)))]);

    private GrpcChannel ChannelFor(Uri address) =>
        _channels.GetOrAdd(address, key => new Lazy<GrpcChannel>(() => GrpcChannel.ForAddress(key, new GrpcChannelOptions
        {
            HttpHandler = ProofHandler.Insert(_createHandler(), _proofs),
            DisposeHttpClient = true,
            LoggerFactory = _loggerFactory,
            ThrowOperationCanceledOnCancellation = true,
        }))).Value;

    private static SocketsHttpHandler CreateHandler(RtaClientOptions options) => new()
    {
        // More than 100 concurrent streams (many agents, or many calls) open a second HTTP/2 connection rather than queue.
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = options.KeepAlivePingDelay,
        KeepAlivePingTimeout = options.KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    private static RtaAgentIdentity Copy(RtaAgentIdentity agent) =>
        new() { Id = agent.Id, Name = agent.Name, Kind = agent.Kind, Software = agent.Software };
}
