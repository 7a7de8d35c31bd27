using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RealTimeAuth.Policies;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Takes every decision off the request path: into a bounded channel the <see cref="DecisionAuditWriter"/> drains
/// in batches, and into the <see cref="RecentDecisionRing"/> for what-if. Never waits: when the channel is full (also
/// while a database outage holds the writer, ADR 0021) the record is dropped, counted and logged.
/// </summary>
public sealed partial class DecisionRecorder
{
    private readonly Channel<DecisionRecord> _channel;
    private readonly RecentDecisionRing _recent;
    private readonly SessionCache _sessions;
    private readonly DecisionAuditMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DecisionRecorder> _logger;
    private long _dropped;
    private long _writtenLate;

    public DecisionRecorder(
        IOptions<DecisionAuditOptions> options, RecentDecisionRing recent, SessionCache sessions, DecisionAuditMetrics metrics,
        TimeProvider timeProvider, ILogger<DecisionRecorder> logger)
    {
        _channel = Channel.CreateBounded<DecisionRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _recent = recent;
        _sessions = sessions;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal ChannelReader<DecisionRecord> Reader => _channel.Reader;

    /// <summary>Decisions dropped since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Decisions written after waiting through a database outage, since start (ADR 0021).</summary>
    public long WrittenLate => Interlocked.Read(ref _writtenLate);

    /// <summary>A live-channel decision for <paramref name="session"/>.</summary>
    public void RecordLive(SessionState session, AuthorizationQuery query, AuthorizationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(decision);
        var record = new DecisionRecord(
            _timeProvider.GetUtcNow(), session.Id, session.Subject, SessionSubjects.Chain(session, _sessions), query.Action, query.ResourceType,
            query.ResourceId, decision.Allowed, string.IsNullOrEmpty(decision.PolicyVersion) ? null : decision.PolicyVersion, decision.Reason,
            DecisionRecord.LiveSource)
        {
            KeyChain = session.KeyChain,
        };
        Record(new RecentDecision(record, query, null));
    }

    /// <summary>An AuthZEN decision; <paramref name="request"/> carries the subject as the caller gave it.</summary>
    public void RecordAuthZen(in DecisionRequest request, PolicyDecision? decision)
    {
        var record = new DecisionRecord(
            _timeProvider.GetUtcNow(), null, request.Subject.Id, request.Agent?.Chain ?? [], request.Action, request.Resource.Type,
            request.Resource.Id, decision?.Allowed ?? false, decision?.PolicyVersion, decision?.Reason ?? DecisionReasons.NoPolicy,
            DecisionRecord.AuthZenSource);
        Record(new RecentDecision(record, null, request));
    }

    private void Record(RecentDecision decision)
    {
        _recent.Add(decision);
        if (_channel.Writer.TryWrite(decision.Record))
        {
            return;
        }

        _metrics.Dropped.Add(1);
        // Log the first drop and then every 1,000th, so an overload does not flood the log.
        if (Interlocked.Increment(ref _dropped) % 1_000 == 1)
        {
            LogDropped(_logger, Dropped);
        }
    }

    internal void CountWrittenLate(int count)
    {
        _metrics.WrittenLate.Add(count);
        Interlocked.Add(ref _writtenLate, count);
    }

    internal void CountWriteFailure(int count)
    {
        _metrics.Dropped.Add(count);
        Interlocked.Add(ref _dropped, count);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Decision audit queue full: {Dropped} decisions dropped since start")]
    private static partial void LogDropped(ILogger logger, long dropped);
}
