using Grpc.Core;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The gRPC live channel (<c>realtimeauth.v1.LiveChannel</c>). Every call carries
/// <c>authorization: RTA &lt;token&gt;</c>; the stream is bound to the session its token names.
/// </summary>
internal sealed partial class LiveChannelService(
    SessionTokenValidator validator,
    StreamHub hub,
    LivePump pump,
    SessionAuthorizer authorizer,
    IOptions<LiveChannelOptions> options,
    TimeProvider timeProvider,
    ILogger<LiveChannelService> logger) : LiveChannel.LiveChannelBase
{
    public const string Transport = "grpc";
    private const string AuthorizationKey = "authorization";

    /// <summary>Optional metadata naming the session the caller means; a token of another session is then refused.</summary>
    public const string SessionIdKey = "rta-session-id";

    public override async Task Connect(
        IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var header = context.RequestHeaders.GetValue(AuthorizationKey);
        var result = validator.ValidateAuthorizationHeader(header, ExpectedSession(context));
        if (!LiveAdmission.AdmitsStream(result))
        {
            throw LiveRpcErrors.Refused(result.Status);
        }

        // Registered before waiting for Hello, so no change is missed meanwhile; it queues.
        using var connection = hub.Connect(result.Session!.Id, Transport);
        var hello = await ReadHelloAsync(requestStream, cancellationToken);
        var start = LiveAdmission.Start(hello.ResumeAfter, result, header!);
        LogOpened(logger, connection.SessionId, hello.ResumeAfter);

        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection.Dropped);
        var acknowledgements = ReadAcknowledgementsAsync(requestStream, connection, stopReading.Token);
        var sessionEnded = false;
        try
        {
            await foreach (var message in pump.RunAsync(connection, start, writing.Token))
            {
                await responseStream.WriteAsync(message, writing.Token);
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
        }

        if (connection.DropReason is { } reason)
        {
            throw LiveRpcErrors.Dropped(reason);
        }
    }

    public override async Task<AuthorizeResponse> Authorize(AuthorizeRequest request, ServerCallContext context)
    {
        var result = validator.ValidateAuthorizationHeader(context.RequestHeaders.GetValue(AuthorizationKey), ExpectedSession(context));
        if (!result.IsValid)
        {
            throw LiveRpcErrors.Refused(result.Status);
        }

        if (string.IsNullOrEmpty(request.Action) || string.IsNullOrEmpty(request.Resource?.Type))
        {
            throw LiveRpcErrors.InvalidArgument("action-and-resource-type-required");
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
        IAsyncStreamReader<ClientMessage> requestStream, LiveConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                if (requestStream.Current.KindCase == ClientMessage.KindOneofCase.Ack)
                {
                    connection.Acknowledge(requestStream.Current.Ack.Sequence);
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
