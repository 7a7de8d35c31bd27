using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// Produces the messages of one stream, whatever carries them (gRPC or Server-Sent Events): a
/// heartbeat at once and then every <see cref="LiveChannelOptions.HeartbeatInterval"/>, a fresh token
/// before the freshness window of the last one ends and at once when the context changes, and a
/// revocation that ends the stream; it also ends when the hub drops the stream (see
/// <see cref="LiveConnection.DropReason"/>). The consumer writes each message before asking for the next, so
/// code after a <c>yield</c> runs once the message is on the wire.
/// </summary>
internal sealed partial class LivePump(
    SessionCache cache,
    ReplicaIdentity identity,
    IServiceScopeFactory scopeFactory,
    IOptions<LiveChannelOptions> options,
    IOptions<RtaTokenValidationOptions> tokenOptions,
    RtaServerTelemetry telemetry,
    TimeProvider timeProvider,
    ILogger<LivePump> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);

    public async IAsyncEnumerable<ServerMessage> RunAsync(
        LiveConnection connection, LiveStreamStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        connection.StartAfter(start.ResumeAfter);
        var window = tokenOptions.Value.FreshnessWindow;
        var heartbeatInterval = options.Value.HeartbeatInterval;

        // Read after the hub registered the stream, so a revocation applied in between is seen here or queued.
        if (cache.Find(connection.SessionId) is not { } session)
        {
            yield break;
        }

        if (!session.IsActive)
        {
            var reason = RevocationReason.For(session);
            using var activity = StartPush(connection, "revocation", reason, default);
            yield return Stamp(connection, LiveMessages.Revocation(reason, session.RevocationDetail, session.RevokedBySequence ?? 0, session.RevokedAt ?? session.UpdatedAt), activity);
            yield break;
        }

        var now = timeProvider.GetUtcNow();
        yield return Stamp(connection, LiveMessages.Heartbeat(now, identity.Name));
        var nextHeartbeat = now + heartbeatInterval;
        var nextRefresh = start.TokenStale ? now : RefreshDue(start.TokenIssuedAt + window, window);
        var refreshReason = start.TokenStale ? RtaRefreshReasons.ContextChanged
            : nextRefresh <= now ? RtaRefreshReasons.Connected
            : RtaRefreshReasons.Scheduled;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (connection.DropReason is not null)
            {
                // The hub dropped the stream; the transport reports why.
                yield break;
            }

            now = timeProvider.GetUtcNow();
            if (nextRefresh <= now)
            {
                var token = await TryRefreshAsync(connection.SessionId, cancellationToken);
                if (token is null)
                {
                    // Not active any more: its revocation is queued (or was applied before the stream registered).
                    nextRefresh = cache.Find(connection.SessionId) is { IsActive: true }
                        ? now + RetryDelay(window)
                        : DateTimeOffset.MaxValue;
                    continue;
                }

                using var activity = StartPush(connection, "token_refresh", refreshReason, default);
                var refresh = Stamp(connection, LiveMessages.TokenRefresh(token, refreshReason), activity);
                connection.NoteTokenRefresh(refresh.Sequence, token.Sequence);
                yield return refresh;
                nextRefresh = RefreshDue(token.FreshUntil, window);
                refreshReason = RtaRefreshReasons.Scheduled;
                continue;
            }

            if (nextHeartbeat <= now)
            {
                yield return Stamp(connection, LiveMessages.Heartbeat(now, identity.Name));
                nextHeartbeat = now + heartbeatInterval;
                continue;
            }

            var due = nextRefresh < nextHeartbeat ? nextRefresh : nextHeartbeat;
            if (await WaitForSignalAsync(connection, due - now, cancellationToken) is not { } signal)
            {
                continue;
            }

            if (signal.Change.Kind == SessionChangeKind.ContextChanged)
            {
                nextRefresh = now;
                refreshReason = RtaRefreshReasons.ContextChanged;
                continue;
            }

            if (signal.Change.Kind == SessionChangeKind.Revoked)
            {
                var revocation = RevocationFor(signal.Change);
                using (var activity = StartPush(connection, "revocation", revocation.Revocation.Reason, signal.Origin))
                {
                    yield return Stamp(connection, revocation, activity);
                }

                telemetry.RevocationToPush.Record((timeProvider.GetUtcNow() - signal.Change.EventTime).TotalMilliseconds,
                    new KeyValuePair<string, object?>("rta.stream.transport", connection.Transport));
                yield break;
            }
        }
    }

    private ServerMessage Stamp(LiveConnection connection, ServerMessage message, Activity? push = null)
    {
        message.Sequence = connection.NextSequence();
        push?.SetTag("rta.stream.sequence", message.Sequence);
        message.SentAtUnixMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return message;
    }

    private DateTimeOffset RefreshDue(DateTimeOffset freshUntil, TimeSpan window) =>
        freshUntil - (window * (1 - options.Value.RefreshAt));

    private static TimeSpan RetryDelay(TimeSpan window) =>
        window / 10 < MaxRetryDelay ? window / 10 : MaxRetryDelay;

    private static Activity? StartPush(LiveConnection connection, string kind, string reason, ActivityContext origin)
    {
        var activity = RtaServerTelemetry.Source.StartActivity(
            ActivityKind.Producer, links: origin == default ? null : [new ActivityLink(origin)], name: "rta.push");
        activity?.SetTag("rta.session.id", connection.SessionId);
        activity?.SetTag("rta.stream.transport", connection.Transport);
        activity?.SetTag("rta.push.kind", kind);
        activity?.SetTag("rta.push.reason", reason);
        return activity;
    }

    private async Task<IssuedToken?> TryRefreshAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SessionTokenRefresher>().RefreshTokenAsync(sessionId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRefreshFailed(logger, sessionId, exception.GetType().Name);
            return null;
        }
    }

    private async Task<LiveSignal?> WaitForSignalAsync(LiveConnection connection, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (connection.Signals.TryRead(out var signal))
        {
            return signal;
        }

        using var timeout = new CancellationTokenSource(delay < MinWait ? MinWait : delay, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // False once the hub dropped the stream; the loop then reports why.
            return await connection.Signals.WaitToReadAsync(linked.Token) && connection.Signals.TryRead(out signal) ? signal : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static ServerMessage RevocationFor(SessionChange change) =>
        LiveMessages.Revocation(RevocationReason.For(change.Session), change.Detail, change.EventSequence, change.EventTime);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning,
        Message = "Could not refresh the token of session {SessionId} ({Error}); retrying")]
    private static partial void LogRefreshFailed(ILogger logger, Guid sessionId, string error);
}
