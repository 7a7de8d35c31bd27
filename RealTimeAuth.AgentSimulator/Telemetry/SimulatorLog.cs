namespace RealTimeAuth.AgentSimulator.Telemetry;

/// <summary>The simulator's log messages, with stable event ids. Agent, session and user names only; never a token or password.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Email} signed in at the identity provider through {ClientId} in {ElapsedMs:F0} ms")]
    public static partial void SignedIn(this ILogger logger, string email, string clientId, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Email} could not sign in through {ClientId}: {Error}")]
    public static partial void SignInFailed(this ILogger logger, string email, string clientId, string error);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Co-pilot {AgentId} holds session {SessionId} for {Email} with scopes {Scopes}")]
    public static partial void CoPilotConnected(this ILogger logger, string agentId, string sessionId, string email, string scopes);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "{ParentAgentId} delegated to {AgentId} ({Kind}): session {SessionId}, scopes {Scopes}")]
    public static partial void AgentDelegated(this ILogger logger, string parentAgentId, string agentId, string kind, string sessionId, string scopes);

    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "{AgentId} may {Action} {ResourceType}/{ResourceId}; acting")]
    public static partial void ActionAllowed(this ILogger logger, string agentId, string action, string resourceType, string resourceId);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "{AgentId} may not {Action} {ResourceType}/{ResourceId} ({Reason}); not acting")]
    public static partial void ActionDenied(this ILogger logger, string agentId, string action, string resourceType, string resourceId, string reason);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "{AgentId} could not ask whether it may {Action} {ResourceType}; not acting")]
    public static partial void AuthorizeFailed(this ILogger logger, string agentId, string action, string resourceType, Exception exception);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning,
        Message = "{AgentId} STOPPED: session {SessionId} revoked ({Reason}, event {EventSequence}); received {EventToReceiveMs:F1} ms and stopped {EventToStopMs:F1} ms after the server committed the event")]
    public static partial void AgentStopped(this ILogger logger, string agentId, string sessionId, string reason, long? eventSequence, double? eventToReceiveMs, double? eventToStopMs);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "{AgentId} STOPPED: session {SessionId} ended ({Reason}) without a pushed event")]
    public static partial void AgentStoppedWithoutEvent(this ILogger logger, string agentId, string sessionId, string reason);

    [LoggerMessage(EventId = 125, Level = LogLevel.Error, Message = "{AgentId} failed and stopped working")]
    public static partial void AgentFailed(this ILogger logger, string agentId, Exception exception);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Scenario {Scenario} run {RunId} starting for {Email}")]
    public static partial void ScenarioStarting(this ILogger logger, string scenario, string runId, string email);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Scenario {Scenario} run {RunId} trigger: {Description}")]
    public static partial void TriggerFired(this ILogger logger, string scenario, string runId, string description);

    [LoggerMessage(EventId = 132, Level = LogLevel.Error, Message = "Scenario {Scenario} run {RunId}: the trigger failed")]
    public static partial void TriggerFailed(this ILogger logger, string scenario, string runId, Exception exception);

    [LoggerMessage(EventId = 133, Level = LogLevel.Information, Message = "Scenario {Scenario} run {RunId} finished: {Verdict}")]
    public static partial void ScenarioFinished(this ILogger logger, string scenario, string runId, string verdict);

    [LoggerMessage(EventId = 134, Level = LogLevel.Warning, Message = "Scenario {Scenario} is not available: {Reason}")]
    public static partial void ScenarioUnavailable(this ILogger logger, string scenario, string reason);

    [LoggerMessage(EventId = 135, Level = LogLevel.Warning, Message = "The {Mode} run at start failed (attempt {Attempt} of {MaxAttempts}); retrying in {DelaySeconds} s")]
    public static partial void StartupRunFailed(this ILogger logger, string mode, int attempt, int maxAttempts, double delaySeconds, Exception exception);

    [LoggerMessage(EventId = 136, Level = LogLevel.Error, Message = "The {Mode} run at start failed; the simulator stays up for runs requested over HTTP")]
    public static partial void StartupRunGaveUp(this ILogger logger, string mode, Exception exception);

    [LoggerMessage(EventId = 138, Level = LogLevel.Information, Message = "Restored {Email} at the dev IdP (enabled, risk low) in case an earlier simulator stopped before undoing a scenario")]
    public static partial void DemoUserRestored(this ILogger logger, string email);

    [LoggerMessage(EventId = 139, Level = LogLevel.Information, Message = "Could not restore {Email} at the identity provider ({Reason}); it has no dev IdP trigger API, or refused")]
    public static partial void DemoUserNotRestored(this ILogger logger, string email, string reason);

    [LoggerMessage(EventId = 137, Level = LogLevel.Information, Message = "Simulator idle. Run a scenario with POST /scenarios/{{name}} ({Scenarios}) or a load test with POST /load, or from the Aspire dashboard")]
    public static partial void Idle(this ILogger logger, string scenarios);

    [LoggerMessage(EventId = 140, Level = LogLevel.Information,
        Message = "Load run {RunId} starting: {Agents} agents across {Users} users at {ActionsPerSecond} actions/s for at most {DurationSeconds} s or {MaxActions} actions against {Server}")]
    public static partial void LoadStarting(this ILogger logger, string runId, int agents, int users, double actionsPerSecond, double durationSeconds, long maxActions, Uri server);

    [LoggerMessage(EventId = 141, Level = LogLevel.Information, Message = "Load run {RunId}: {Connected} agents connected, {Failed} exchanges failed, in {ElapsedMs:F0} ms")]
    public static partial void LoadAgentsConnected(this ILogger logger, string runId, int connected, int failed, double elapsedMs);

    [LoggerMessage(EventId = 142, Level = LogLevel.Debug, Message = "Load run {RunId}: exchange for agent {AgentId} failed")]
    public static partial void LoadExchangeFailed(this ILogger logger, string runId, string agentId, Exception exception);

    [LoggerMessage(EventId = 143, Level = LogLevel.Information, Message = "Load run {RunId}: revoking {CoPilots} co-pilot subtrees to measure event-to-stop")]
    public static partial void LoadRevoking(this ILogger logger, string runId, int coPilots);

    [LoggerMessage(EventId = 144, Level = LogLevel.Information, Message = "Load run {RunId} finished: {Actions} actions; latencies written to {CsvPath}")]
    public static partial void LoadFinished(this ILogger logger, string runId, long actions, string csvPath);
}
