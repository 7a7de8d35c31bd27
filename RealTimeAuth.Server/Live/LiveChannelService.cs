using System.Buffers;
using System.Buffers.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The gRPC live channel (<c>realtimeauth.v1.LiveChannel</c>). Every call carries
/// <c>authorization: RTA &lt;token&gt;</c>; the stream is bound to the session its token names. Opening a stream
/// needs a proof of the session's key (<c>dpop</c>); a unary <c>Authorize</c> brings one too, or names an open stream
/// of its session on this replica by the binding that stream was given (<c>rta-stream-binding</c>).
/// </summary>
internal sealed partial class LiveChannelService(
    SessionTokenValidator validator,
    StreamHub hub,
    LivePump pump,
    SessionAuthorizer authorizer,
    LiveProofs proofs,
    StreamSupersession supersession,
    TokenRetirement retirement,
    CallerRateLimiter limits,
    StreamDrops drops,
    IOptions<LiveChannelOptions> options,
    TimeProvider timeProvider,
    ILogger<LiveChannelService> logger) : LiveChannel.LiveChannelBase
{
    public const string Transport = "grpc";
    private const string AuthorizationKey = "authorization";

    /// <summary>The proof header <c>DPoP</c> as gRPC metadata, whose keys are lower case.</summary>
    private const string ProofKey = "dpop";

    /// <summary>Optional metadata naming the session the caller means; a token of another session is then refused.</summary>
    public const string SessionIdKey = "rta-session-id";

    public override async Task Connect(
        IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var header = context.RequestHeaders.GetValue(AuthorizationKey);
        var result = await validator.ValidateAuthorizationHeaderAsync(header, ExpectedSession(context), context.CancellationToken);
        if (!LiveAdmission.AdmitsStream(result))
        {
            throw LiveRpcErrors.Refused(result.Status);
        }

        // Checked before the stream is registered: a refused attempt leaves the session's stream untouched.
        var proof = await proofs.CheckAsync(
            result.Session!, context.RequestHeaders.GetValue(ProofKey), context.GetHttpContext().Request, ProofUse.GrpcStream, header!);
        if (!proof.IsValid)
        {
            throw LiveRpcErrors.ProofRefused(proof);
        }

        // Registered before waiting for Hello, so no change is missed meanwhile; it queues.
        using var connection = hub.Connect(result.Session!.Id, Transport);
        await supersession.OpenedAsync(connection);
        await context.WriteResponseHeadersAsync(new Metadata { { RtaBindingNames.StreamBindingMetadata, connection.Binding } });
        var hello = await ReadHelloAsync(requestStream, cancellationToken);
        var start = LiveAdmission.Start(hello.ResumeAfter, result, header!);
        LogOpened(logger, connection.SessionId, hello.ResumeAfter);

        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection.Dropped);
        using var deadline = new WriteDeadline(connection, options.Value.WriteTimeout, timeProvider);
        var maxPending = (ulong)options.Value.MaxPendingMessages;
        var acknowledgements = ReadAcknowledgementsAsync(requestStream, connection, retirement, stopReading.Token);
        var sessionEnded = false;
        try
        {
            await foreach (var message in pump.RunAsync(connection, start, writing.Token))
            {
                if (connection.Pending > maxPending)
                {
                    // The client stopped reading or acknowledging: stop filling buffers nobody drains.
                    connection.Drop(RtaStreamCloseReasons.StreamStalled);
                    break;
                }

                deadline.Arm();
                await responseStream.WriteAsync(message, writing.Token);
                deadline.Disarm();
                sessionEnded = message.KindCase == ServerMessage.KindOneofCase.Revocation;
            }
        }
        catch (OperationCanceledException) when (connection.DropReason is not null)
        {
            // Reported below.
        }
        finally
        {
            if (sessionEnded)
            {
                // The client acknowledges the revocation and half-closes; ending the call first would cancel its write.
                await acknowledgements.WaitAsync(options.Value.CloseGracePeriod, timeProvider).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await stopReading.CancelAsync();
            await acknowledgements;
            LogClosed(logger, connection.SessionId, connection.LastSent, connection.LastAcknowledged);
            drops.Report(connection);
        }

        if (connection.DropReason is { } reason)
        {
            throw LiveRpcErrors.Dropped(reason);
        }
    }

    public override async Task<AuthorizeResponse> Authorize(AuthorizeRequest request, ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue(AuthorizationKey);
        var result = await validator.ValidateAuthorizationHeaderAsync(header, ExpectedSession(context), context.CancellationToken);
        if (!result.IsValid)
        {
            throw LiveRpcErrors.Refused(result.Status);
        }

        var possession = await CheckPossessionAsync(result.Session!, header!, context);
        if (!possession.IsValid)
        {
            throw LiveRpcErrors.ProofRefused(possession);
        }

        // Only a verified token with its proof spends its session's client's budget.
        if (limits.TryAcquire(CallerLimit.Live, result.Session!.ClientId) is { } limited)
        {
            throw limited.ToRpcException();
        }

        if (string.IsNullOrEmpty(request.Action) || string.IsNullOrEmpty(request.Resource?.Type))
        {
            throw LiveRpcErrors.InvalidArgument("action-and-resource-type-required");
        }

        if (LiveRequestLimits.Check(request) is { } refused)
        {
            throw LiveRpcErrors.InvalidArgument(refused.Reason);
        }

        var query = new AuthorizationQuery
        {
            Action = request.Action,
            ResourceType = request.Resource.Type,
            ResourceId = request.Resource.Id,
            ResourceProperties = request.Resource.Properties,
            Context = request.Context,
        };
        var decision = await authorizer.AuthorizeAsync(result.Session!, query, context.CancellationToken);
        return new AuthorizeResponse { Decision = decision.Allowed, Reason = decision.Reason, PolicyVersion = decision.PolicyVersion };
    }

    /// <summary>
    /// A unary call proves possession through its session's open bound stream here (no signature to verify on the
    /// hot path), or with a proof of its own. See docs/adr/0015-bound-sessions.md.
    /// </summary>
    private async Task<ProofCheck> CheckPossessionAsync(SessionState session, string header, ServerCallContext context)
    {
        if (session.KeyThumbprint is not { } key)
        {
            return proofs.Refuse(ProofUse.GrpcAuthorize, RtaBindingReasons.SessionUnbound);
        }

        if (context.RequestHeaders.GetValue(RtaBindingNames.StreamBindingMetadata) is { } binding)
        {
            return IsOpenStreamBinding(session.Id, binding)
                ? ProofCheck.Valid(key)
                : proofs.Refuse(ProofUse.GrpcAuthorize, RtaBindingReasons.StreamBindingUnknown);
        }

        return await proofs.CheckAsync(session, context.RequestHeaders.GetValue(ProofKey), context.GetHttpContext().Request, ProofUse.GrpcAuthorize, header);
    }

    private bool IsOpenStreamBinding(Guid sessionId, string binding)
    {
        Span<byte> presented = stackalloc byte[LiveConnection.BindingLength];
        // The status form never throws on characters outside the alphabet: bad input is an unknown binding.
        return Base64Url.DecodeFromChars(binding, presented, out _, out var length) == OperationStatus.Done
            && length == LiveConnection.BindingLength
            && hub.FindBound(sessionId, presented) is not null;
    }

    private async Task<Hello> ReadHelloAsync(IAsyncStreamReader<ClientMessage> requestStream, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.HelloTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (await requestStream.MoveNext(linked.Token) && requestStream.Current.KindCase == ClientMessage.KindOneofCase.Hello)
            {
                return requestStream.Current.Hello;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client sent nothing in time.
        }

        throw LiveRpcErrors.InvalidArgument(RtaStreamCloseReasons.HelloExpected);
    }

    private static async Task ReadAcknowledgementsAsync(
        IAsyncStreamReader<ClientMessage> requestStream, LiveConnection connection, TokenRetirement retirement, CancellationToken cancellationToken)
    {
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                if (requestStream.Current.KindCase == ClientMessage.KindOneofCase.Ack
                    && connection.Acknowledge(requestStream.Current.Ack.Sequence)
                    && connection.TakeAcknowledgedRefresh() is > 0 and var refreshed)
                {
                    // The client holds the refreshed token: the ones before it may go after the grace.
                    await retirement.RetireBeforeAsync(connection.SessionId, refreshed);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The stream ended or the client went away; the writer side notices through the call's token.
        }
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Debug, Message = "gRPC stream of session {SessionId} opened, resuming after {ResumeAfter}")]
    private static partial void LogOpened(ILogger logger, Guid sessionId, ulong resumeAfter);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Debug,
        Message = "gRPC stream of session {SessionId} closed after message {LastSent}, acknowledged up to {LastAcknowledged}")]
    private static partial void LogClosed(ILogger logger, Guid sessionId, ulong lastSent, ulong lastAcknowledged);

    private static Guid? ExpectedSession(ServerCallContext context) =>
        context.RequestHeaders.GetValue(SessionIdKey) is { } value
            ? Guid.TryParse(value, out var sessionId) ? sessionId : Guid.Empty
            : null;
}
