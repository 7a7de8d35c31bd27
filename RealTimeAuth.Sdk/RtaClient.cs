using System.Diagnostics;
using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Sdk.Binding;
using RealTimeAuth.Sdk.Live;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk;

/// <summary>
/// One agent session: its current RTAToken, its live channel (kept open, reconnected and resumed automatically),
/// authorization calls, and delegation to child sessions. Thread-safe. Created by <see cref="IRtaClientFactory"/>.
/// </summary>
/// <remarks>
/// The session is bound to a key of its own (RFC 9449 shape): every use of its token carries a proof by that key, or
/// rides on the live stream such a proof opened. The key is made by <see cref="RtaClientOptions.SessionKeys"/> and
/// disposed with the client.
/// </remarks>
/// <remarks>
/// Events are raised on the live channel's loop, one at a time, after <see cref="State"/> and
/// <see cref="CurrentToken"/> already reflect the change; a slow handler delays the next acknowledgement.
/// </remarks>
public sealed class RtaClient : IRtaTokenSource, IRtaProofSource, IAsyncDisposable
{
    private readonly RtaClientFactory _factory;
    private readonly RtaClientServices _services;
    private readonly LiveRoute _route;
    private readonly RtaSessionState _session;
    private readonly LiveStream _stream;
    private readonly RtaEventRaiser _events;
    private readonly SessionProofs _proofs;

    internal RtaClient(
        RtaClientFactory factory, RtaExchangeResponse exchange, RtaAgentIdentity agent, LiveRoute route, SessionProofs proofs, RtaClientServices services)
    {
        _proofs = proofs;
        _factory = factory;
        _services = services;
        _route = route;
        SessionId = exchange.SessionId;
        ParentSessionId = exchange.ParentSessionId;
        Scopes = exchange.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Agent = agent;
        _session = new RtaSessionState(exchange.AccessToken, services.Time.GetUtcNow().AddSeconds(exchange.ExpiresIn));
        _events = new RtaEventRaiser(this, services.Logger);
        var backoff = new ReconnectBackoff(services.ReconnectBaseDelay, services.ReconnectMaxDelay, Random.Shared);
        _stream = new LiveStream(this, _route, backoff, services);
    }

    /// <summary>The server pushed a new token.</summary>
    public event EventHandler<RtaTokenRefreshedEventArgs>? TokenRefreshed;

    /// <summary>The session was revoked. Raised at most once.</summary>
    public event EventHandler<RtaRevokedEventArgs>? Revoked;

    /// <summary>The live channel changed state.</summary>
    public event EventHandler<RtaConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public string SessionId { get; }

    /// <summary>The session this one was delegated from; null for a session exchanged from an IdP token.</summary>
    public string? ParentSessionId { get; }

    /// <summary>The scopes the server granted.</summary>
    public IReadOnlyList<string> Scopes { get; }

    public RtaAgentIdentity Agent { get; }

    /// <summary>The current RTAToken (unpadded base64url). Never log it.</summary>
    public string CurrentToken => _session.Token;

    /// <summary>When <see cref="CurrentToken"/> leaves its freshness window unless refreshed.</summary>
    public DateTimeOffset TokenFreshUntil => _session.FreshUntil;

    public RtaConnectionState State => _session.State;

    /// <summary>The last server sequence processed on the live channel.</summary>
    public ulong LastSequence => _stream.LastSequence;

    RtaClient? IRtaProofSource.Session => this;

    /// <summary>The session's proofs of possession.</summary>
    internal SessionProofs Proofs => _proofs;

    /// <summary>
    /// Asks the server whether the session may perform <paramref name="action"/> on the resource now. After the session
    /// has been revoked or has expired the answer is a local denial without a server call. Transport failures throw.
    /// </summary>
    public async Task<RtaAuthorizationResult> AuthorizeAsync(
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentNullException.ThrowIfNull(resourceId);
        ObjectDisposedException.ThrowIf(State == RtaConnectionState.Disposed, this);

        using var activity = RtaSdkTelemetry.ActivitySource.StartActivity("rta.authorize", ActivityKind.Client);
        activity?.SetTag(RtaSdkTelemetry.Tags.SessionId, SessionId);
        activity?.SetTag(RtaSdkTelemetry.Tags.Action, action);
        activity?.SetTag(RtaSdkTelemetry.Tags.ResourceType, resourceType);

        var result = _session.EndReason is { } ended
            ? new RtaAuthorizationResult(false, ended, null) { DecidedLocally = true }
            : await CallAuthorizeAsync(action, resourceType, resourceId, context, cancellationToken).ConfigureAwait(false);

        activity?.SetTag(RtaSdkTelemetry.Tags.Decision, result.Allowed ? "allow" : "deny");
        activity?.SetTag(RtaSdkTelemetry.Tags.Reason, result.Reason);
        activity?.SetTag(RtaSdkTelemetry.Tags.DecidedLocally, result.DecidedLocally);
        activity?.SetTag(RtaSdkTelemetry.Tags.PolicyVersion, result.PolicyVersion);
        _services.Telemetry.RecordDecision(result);
        return result;
    }

    /// <summary>Exchanges this session's current token for a delegated child session of <paramref name="agent"/>, and connects it.</summary>
    /// <exception cref="InvalidOperationException">This session has been revoked or has expired.</exception>
    public Task<RtaClient> CreateChildAsync(RtaAgentIdentity agent, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(scopes);
        ObjectDisposedException.ThrowIf(State == RtaConnectionState.Disposed, this);
        if (_session.EndReason is { } ended)
        {
            throw new InvalidOperationException($"Session {SessionId} has ended ({ended}); it cannot delegate.");
        }

        var request = new RtaSessionRequest
        {
            SubjectToken = CurrentToken,
            SubjectTokenType = RtaExchangeNames.RtaTokenType,
            Scopes = [.. scopes],
            Agent = agent,
        };
        return _factory.ConnectAsync(request, this, cancellationToken);
    }

    /// <summary>
    /// Closes the live stream (the shared gRPC channel stays with the factory). The session stays alive on the server
    /// until it is revoked or its token expires.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_session.TryMove(RtaConnectionState.Disposed, "disposed", null) is not { } change)
        {
            return;
        }

        LiveSessions.Remove(this);
        await _stream.StopAsync().ConfigureAwait(false);
        _factory.Release(_proofs);
        _events.Raise(ConnectionStateChanged, change, nameof(ConnectionStateChanged));
    }

    internal void Start()
    {
        LiveSessions.Add(this);
        _stream.Start();
    }

    /// <summary>Completes when the live stream has stopped for good and will not reconnect (for tests).</summary>
    internal Task StreamStopped => _stream.Stopped;

    /// <summary>
    /// The call's token, and either a proof of the session's key (written by <see cref="ProofHandler"/> for the URI on
    /// the wire) or the open stream's binding, which saves the signature on the hot path.
    /// </summary>
    internal Metadata CreateHeaders(bool withProof, string? streamBinding = null)
    {
        var headers = new Metadata { { "authorization", $"{RtaExchangeNames.TokenScheme} {CurrentToken}" } };
        if (withProof)
        {
            headers.Add(ProofHandler.SessionMetadata, _proofs.Handle);
        }
        else if (streamBinding is not null)
        {
            headers.Add(RtaBindingNames.StreamBindingMetadata, streamBinding);
        }

        return headers;
    }

    internal void OnConnected() => Move(RtaConnectionState.Connected, null, null);

    internal void OnStreamLost(Exception? exception, string? reason) => Move(RtaConnectionState.Reconnecting, reason, exception);

    internal void OnNonce(string? nonce) => _proofs.Observe(nonce);

    /// <summary>Handles one pushed message; true when it ended the session.</summary>
    internal bool OnMessage(ServerMessage message)
    {
        Move(RtaConnectionState.Connected, null, null);
        switch (message.KindCase)
        {
            case ServerMessage.KindOneofCase.TokenRefresh:
                OnTokenRefresh(message.TokenRefresh);
                return false;
            case ServerMessage.KindOneofCase.Revocation:
                var revocation = message.Revocation;
                var eventTime = revocation.EventTimeUnixMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(revocation.EventTimeUnixMs) : (DateTimeOffset?)null;
                EndRevoked(revocation.Reason, revocation.Detail, revocation.EventSequence, eventTime, stopStream: false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The server refused the token on the live channel; nothing can resume with it.</summary>
    internal void OnStreamRefused(string reason) => EndByRefusal(RtaRefusal.OnStream(reason), reason, stopStream: false);

    private async Task<RtaAuthorizationResult> CallAuthorizeAsync(
        string action,
        string resourceType,
        string resourceId,
        IReadOnlyDictionary<string, string>? context,
        CancellationToken cancellationToken)
    {
        var request = new AuthorizeRequest { Action = action, Resource = new Resource { Type = resourceType, Id = resourceId } };
        foreach (var (key, value) in context ?? new Dictionary<string, string>())
        {
            request.Context[key] = value;
        }

        var binding = _stream.Binding;
        var nonce = _proofs.Nonce;
        for (var retried = false; ; retried = true)
        {
            try
            {
                var headers = CreateHeaders(withProof: binding is null, binding);
                var response = await _route.Current.AuthorizeAsync(request, headers, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new RtaAuthorizationResult(response.Decision, response.Reason, string.IsNullOrEmpty(response.PolicyVersion) ? null : response.PolicyVersion);
            }
            catch (RpcException exception) when (RtaRefusal.IsRefusal(exception))
            {
                var reason = RtaRefusal.ReasonOf(exception);
                if (!retried && ShouldRetry(reason, binding, nonce, exception))
                {
                    binding = null;
                    continue;
                }

                if (RtaRefusal.OnCall(reason) is { } final)
                {
                    EndByRefusal(final, reason, stopStream: true);
                }

                return new RtaAuthorizationResult(false, reason, null);
            }
        }
    }

    /// <summary>
    /// Once, with a proof: when the stream binding was not known where the call landed (the stream closed or lives on
    /// another replica), or when the server wants a nonce it has just given (RFC 9449 §8).
    /// </summary>
    private bool ShouldRetry(string reason, string? binding, string? nonceSent, RpcException exception)
    {
        if (binding is not null)
        {
            return reason == RtaBindingReasons.StreamBindingUnknown;
        }

        _proofs.Observe(exception.Trailers.GetValue(RtaBindingNames.NonceHeader.ToLowerInvariant()));
        return RtaRefusal.AsksForNonce(reason) && _proofs.Nonce is { } nonce && nonce != nonceSent;
    }

    private void OnTokenRefresh(TokenRefresh refresh)
    {
        var freshUntil = DateTimeOffset.FromUnixTimeMilliseconds(refresh.FreshUntilUnixMs);
        if (!_session.TryRefresh(refresh.Token, refresh.TokenSequence, freshUntil))
        {
            _services.Logger.StaleRefreshIgnored(SessionId, refresh.TokenSequence);
            return;
        }

        _services.Logger.TokenRefreshed(SessionId, refresh.TokenSequence, refresh.Reason);
        _events.Raise(TokenRefreshed, new RtaTokenRefreshedEventArgs(refresh.TokenSequence, freshUntil, refresh.Reason), nameof(TokenRefreshed));
    }

    // stopStream is false when called from the live channel's loop, which ends by itself after acknowledging.
    private void EndByRefusal(RtaConnectionState final, string reason, bool stopStream)
    {
        _services.Logger.Refused(SessionId, reason, final);
        if (final == RtaConnectionState.Revoked)
        {
            EndRevoked(reason, null, null, null, stopStream);
            return;
        }

        Move(final, reason, null);
        if (stopStream)
        {
            _stream.Stop();
        }
    }

    /// <summary>Revoked: the final state, the span, the latency, the log line and the events, once.</summary>
    private void EndRevoked(string reason, string? detail, long? eventSequence, DateTimeOffset? eventTime, bool stopStream)
    {
        var receivedAt = _services.Time.GetUtcNow();
        if (_session.TryMove(RtaConnectionState.Revoked, reason, null) is not { } change)
        {
            return;
        }

        if (stopStream)
        {
            _stream.Stop();
        }

        var latency = eventTime is { } committed ? (receivedAt - committed).TotalMilliseconds : (double?)null;
        _services.Telemetry.RecordRevocation(SessionId, reason, eventSequence, latency);
        _services.Logger.Revoked(SessionId, reason, eventSequence, latency);
        var revoked = new RtaRevokedEventArgs
        {
            Reason = reason,
            Detail = string.IsNullOrEmpty(detail) ? null : detail,
            EventSequence = eventSequence,
            EventTime = eventTime,
            ReceivedAt = receivedAt,
            Pushed = eventSequence is not null,
        };
        _events.Raise(ConnectionStateChanged, change, nameof(ConnectionStateChanged));
        _events.Raise(Revoked, revoked, nameof(Revoked));
    }

    private void Move(RtaConnectionState state, string? reason, Exception? exception)
    {
        if (_session.TryMove(state, reason, exception) is { } change)
        {
            _events.Raise(ConnectionStateChanged, change, nameof(ConnectionStateChanged));
        }
    }
}
