using System.Diagnostics;
using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk.Live;

/// <summary>
/// Keeps one session's live stream open: sends Hello, acknowledges every message, and after a failure reconnects with
/// backoff, resuming after the last processed sequence with the current token. Stops for good when the session ends.
/// Every stream opens with a fresh proof of the session's key; the stream binding the server answers with lets unary
/// calls ride on that proof while the stream is open.
/// </summary>
internal sealed class LiveStream(
    RtaClient owner,
    LiveRoute route,
    ReconnectBackoff backoff,
    RtaClientServices services)
{
    private static readonly AsyncLocal<LiveStream?> Running = new();
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private long _lastSequence;
    private string? _binding;
    private int _attempt;
    private Activity? _reconnect;

    /// <summary>The last server sequence processed, sent as <c>resume_after</c> on the next stream.</summary>
    public ulong LastSequence => (ulong)Interlocked.Read(ref _lastSequence);

    /// <summary>
    /// The <c>rta-stream-binding</c> of the open stream, null while none is open. A secret like the token: never logged.
    /// </summary>
    public string? Binding => Volatile.Read(ref _binding);

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>Completes when the loop has ended: the session ended, or the stream was stopped.</summary>
    public Task Stopped => _run;

    /// <summary>Stops the loop; safe from any thread, including an event handler running on the loop.</summary>
    public void Stop()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped and disposed.
        }
    }

    public async ValueTask StopAsync()
    {
        Stop();

        // An event handler that disposes the client runs on the loop; waiting for the loop there would deadlock.
        if (Running.Value != this)
        {
            await _run.ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    private async Task RunAsync()
    {
        // The stream outlives whatever span was current when it started; its spans are roots of their own.
        Activity.Current = null;
        Running.Value = this;
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Exception? failure = null;
            try
            {
                if (await RunStreamAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception exception) when (stopping.IsCancellationRequested || exception is ObjectDisposedException)
            {
                // Stopped, or the factory (and with it the gRPC channel) was disposed under the client.
                return;
            }
            catch (RpcException exception) when (RtaRefusal.IsSuperseded(exception))
            {
                // This loop holds one stream at a time and opens the next only after the last has ended, so a stream it
                // still reads was not replaced by one of its own: another holder of the key opened it. Say so, and
                // take the session back after backoff, from the same replica: this one is alive.
                services.Logger.StreamSuperseded(owner.SessionId);
                failure = exception;
            }
            catch (RpcException exception) when (RtaRefusal.IsRefusal(exception) && !RtaRefusal.IsTransient(RtaRefusal.ReasonOf(exception)))
            {
                EndReconnect(exception);
                owner.OnStreamRefused(RtaRefusal.ReasonOf(exception));
                return;
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            if (!RtaRefusal.IsSuperseded(failure))
            {
                // The replica failed, refused for the moment or ended the stream: the next attempt tries the next one.
                route.Advance();
            }

            if (!await WaitBeforeReconnectAsync(failure, stopping).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>One stream from Hello to its end; true when the session ended on it.</summary>
    private async Task<bool> RunStreamAsync(CancellationToken stopping)
    {
        try
        {
            return await ReadStreamAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _binding, null);
        }
    }

    private async Task<bool> ReadStreamAsync(CancellationToken stopping)
    {
        using var call = route.Current.Connect(owner.CreateHeaders(withProof: true), cancellationToken: stopping);
        var resumeAfter = LastSequence;
        await call.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello { ResumeAfter = resumeAfter } }, stopping).ConfigureAwait(false);
        var headers = await call.ResponseHeadersAsync.WaitAsync(stopping).ConfigureAwait(false);
        owner.OnNonce(headers.GetValue(RtaBindingNames.NonceHeader.ToLowerInvariant()));
        Volatile.Write(ref _binding, headers.GetValue(RtaBindingNames.StreamBindingMetadata) is { Length: > 0 } binding ? binding : null);
        EndReconnect(null);
        services.Logger.StreamConnected(owner.SessionId, resumeAfter);
        owner.OnConnected();

        await foreach (var message in call.ResponseStream.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            _attempt = 0;
            var ended = owner.OnMessage(message);
            if (message.Sequence > LastSequence)
            {
                // Only this loop writes; the interlocked write makes the value safe to read elsewhere.
                Interlocked.Exchange(ref _lastSequence, (long)message.Sequence);
            }

            var ack = new ClientMessage { Ack = new Ack { Sequence = message.Sequence } };
            if (ended)
            {
                // The server ends the stream right after a revocation; the last acknowledgement may find it closed.
                await TryWriteAsync(call, ack, stopping).ConfigureAwait(false);
                await CloseAsync(call, stopping).ConfigureAwait(false);
                return true;
            }

            await call.RequestStream.WriteAsync(ack, stopping).ConfigureAwait(false);
        }

        // The server ended the stream without ending the session (a replica shutting down): reconnect.
        return false;
    }

    private static async Task TryWriteAsync(
        AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call, ClientMessage message, CancellationToken stopping)
    {
        try
        {
            await call.RequestStream.WriteAsync(message, stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RpcException or IOException or InvalidOperationException)
        {
            // Nothing is lost: the session has ended and the server knows it.
        }
    }

    /// <summary>
    /// After the session ended: half-close and let the server finish the stream, so the last acknowledgement is read
    /// rather than lost to a reset. Bounded; a server that keeps the stream open is cut off.
    /// </summary>
    private static async Task CloseAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(CloseTimeout);
        try
        {
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            while (await call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
            {
                // Nothing after the end of the session matters.
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException or IOException or InvalidOperationException)
        {
            // The stream is being torn down either way.
        }
    }

    private async Task<bool> WaitBeforeReconnectAsync(Exception? failure, CancellationToken stopping)
    {
        var attempt = ++_attempt;
        var delay = backoff.NextDelay(attempt - 1);
        _reconnect ??= RtaSdkTelemetry.ActivitySource.StartActivity("rta.reconnect", ActivityKind.Client);
        _reconnect?.SetTag(RtaSdkTelemetry.Tags.SessionId, owner.SessionId);
        _reconnect?.SetTag(RtaSdkTelemetry.Tags.Attempt, attempt);
        _reconnect?.SetTag(RtaSdkTelemetry.Tags.DelayMs, (long)delay.TotalMilliseconds);
        _reconnect?.AddEvent(new ActivityEvent("stream-lost", tags: new ActivityTagsCollection { [RtaSdkTelemetry.Tags.ErrorType] = failure?.GetType().FullName }));
        services.Telemetry.RecordReconnect();
        services.Logger.StreamLost(owner.SessionId, attempt, (long)delay.TotalMilliseconds, failure);
        owner.OnStreamLost(failure, RtaRefusal.IsSuperseded(failure) ? RtaStreamCloseReasons.Superseded : null);
        try
        {
            await Task.Delay(delay, services.Time, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            EndReconnect(null);
            return false;
        }
    }

    private void EndReconnect(Exception? refusal)
    {
        if (_reconnect is null)
        {
            return;
        }

        if (refusal is not null)
        {
            _reconnect.SetStatus(ActivityStatusCode.Error);
            _reconnect.SetTag(RtaSdkTelemetry.Tags.ErrorType, refusal.GetType().FullName);
        }

        _reconnect.Dispose();
        _reconnect = null;
    }
}
