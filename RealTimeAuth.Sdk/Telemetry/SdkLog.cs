using Microsoft.Extensions.Logging;

namespace RealTimeAuth.Sdk.Telemetry;

/// <summary>The SDK's log messages. Session and agent ids only; never a token or secret.</summary>
internal static partial class SdkLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Exchanged a token for session {SessionId} of agent {AgentId} (delegated: {Delegated})")]
    public static partial void Exchanged(this ILogger logger, string sessionId, string? agentId, bool delegated);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Token exchange for agent {AgentId} failed: {Error}")]
    public static partial void ExchangeFailed(this ILogger logger, string? agentId, string error, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Live channel of session {SessionId} connected, resuming after {ResumeAfter}")]
    public static partial void StreamConnected(this ILogger logger, string sessionId, ulong resumeAfter);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Live channel of session {SessionId} lost; reconnect attempt {Attempt} in {DelayMs} ms")]
    public static partial void StreamLost(this ILogger logger, string sessionId, int attempt, long delayMs, Exception? exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Session {SessionId} received token {TokenSequence} ({Reason})")]
    public static partial void TokenRefreshed(this ILogger logger, string sessionId, uint tokenSequence, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Session {SessionId} revoked: {Reason} (event {EventSequence}, {LatencyMs} ms after the event)")]
    public static partial void Revoked(this ILogger logger, string sessionId, string reason, long? eventSequence, double? latencyMs);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The server refused the token of session {SessionId}: {Reason}; the session has ended as {State}")]
    public static partial void Refused(this ILogger logger, string sessionId, string reason, RtaConnectionState state);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "A handler of the {EventName} event of session {SessionId} threw")]
    public static partial void EventHandlerFailed(this ILogger logger, string eventName, string sessionId, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Ignored token {TokenSequence} of session {SessionId}: not newer than the current token")]
    public static partial void StaleRefreshIgnored(this ILogger logger, string sessionId, uint tokenSequence);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Live channel of session {SessionId} was superseded by a stream this client did not open: another process may hold the session's key; reconnecting")]
    public static partial void StreamSuperseded(this ILogger logger, string sessionId);
}
