using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// What one agent did in a run: its decisions, and how and when its session ended. Written by the agent's loop and by the
/// SDK's live channel (the revocation), read by the run; thread-safe.
/// </summary>
internal sealed class AgentRecord(string agentId, string kind, string sessionId, string? parentSessionId, IReadOnlyList<string> scopes)
{
    private readonly Lock _gate = new();
    private readonly DecisionTally _decisions = new();
    private readonly Dictionary<string, DecisionTally> _byAction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _denialReasons = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RtaRevokedEventArgs? _revocation;
    private string? _endReason;
    private DateTimeOffset? _stoppedAt;
    private string? _failure;
    private int _performedAfterTrigger;
    private DateTimeOffset? _lastPerformedAt;
    private int _errors;

    public string AgentId => agentId;

    public string Kind => kind;

    public string SessionId => sessionId;

    /// <summary>Completes when the agent's loop has exited, for whatever reason.</summary>
    public Task Done => _done.Task;

    public RtaRevokedEventArgs? Revocation
    {
        get
        {
            lock (_gate)
            {
                return _revocation;
            }
        }
    }

    /// <summary>The reason the session ended, from the revocation or from a local denial.</summary>
    public string? EndReason
    {
        get
        {
            lock (_gate)
            {
                return _revocation?.Reason ?? _endReason;
            }
        }
    }

    /// <summary>Keeps the first revocation; false when one was already recorded.</summary>
    public bool TryMarkRevoked(RtaRevokedEventArgs revocation)
    {
        lock (_gate)
        {
            if (_revocation is not null)
            {
                return false;
            }

            _revocation = revocation;
            return true;
        }
    }

    /// <summary>The SDK denied locally because the session had already ended.</summary>
    public void MarkEnded(string reason)
    {
        lock (_gate)
        {
            _endReason ??= reason;
        }
    }

    public void CountDecision(AgentAction action, RtaAuthorizationResult result, bool afterTrigger)
    {
        lock (_gate)
        {
            _decisions.Add(result.Allowed, afterTrigger);
            if (!_byAction.TryGetValue(action.Key, out var tally))
            {
                _byAction[action.Key] = tally = new DecisionTally();
            }

            tally.Add(result.Allowed, afterTrigger);
            if (!result.Allowed)
            {
                _denialReasons[result.Reason] = _denialReasons.GetValueOrDefault(result.Reason) + 1;
            }
        }
    }

    public void CountPerformed(bool afterTrigger, DateTimeOffset at)
    {
        lock (_gate)
        {
            _lastPerformedAt = at;
            if (afterTrigger)
            {
                _performedAfterTrigger++;
            }
        }
    }

    public void CountError() => Interlocked.Increment(ref _errors);

    /// <summary>The loop exited: stopped at <paramref name="stoppedAt"/> when the session ended, else the run ended or it failed.</summary>
    public void Complete(DateTimeOffset? stoppedAt, string? failure)
    {
        lock (_gate)
        {
            _stoppedAt = stoppedAt;
            _failure = failure;
        }

        _done.TrySetResult();
    }

    public AgentReport ToReport(bool expectedToStop)
    {
        lock (_gate)
        {
            return new AgentReport
            {
                AgentId = agentId,
                Kind = kind,
                SessionId = sessionId,
                ParentSessionId = parentSessionId,
                Scopes = scopes,
                ExpectedToStop = expectedToStop,
                Outcome = _stoppedAt is not null ? AgentOutcome.Stopped : _failure is not null ? AgentOutcome.Failed : AgentOutcome.Continued,
                Decisions = _decisions.Snapshot(),
                PerformedAfterTrigger = _performedAfterTrigger,
                LastPerformedAt = _lastPerformedAt,
                Errors = Volatile.Read(ref _errors),
                ByAction = _byAction.ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal),
                DenialReasons = new Dictionary<string, int>(_denialReasons, StringComparer.Ordinal),
                Revocation = _stoppedAt is { } stoppedAt ? RevocationOf(stoppedAt) : null,
                Failure = _failure,
            };
        }
    }

    private RevocationReport RevocationOf(DateTimeOffset stoppedAt)
    {
        var eventTime = _revocation?.EventTime;
        return new RevocationReport(
            _revocation?.Reason ?? _endReason ?? "ended",
            _revocation?.Detail,
            _revocation?.EventSequence,
            _revocation?.Pushed ?? false,
            eventTime,
            _revocation?.ReceivedAt,
            stoppedAt,
            eventTime is { } sent && _revocation is { } received ? (received.ReceivedAt - sent).TotalMilliseconds : null,
            eventTime is { } committed ? (stoppedAt - committed).TotalMilliseconds : null);
    }
}
