using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Keeps this replica's <see cref="SessionCache"/> equal to the event log: loads the live (and recently revoked) sessions
/// at the snapshot, then applies each batch of session entries with one read of the rows it needs. Token retirements
/// live only in the log: they are applied as written, and at the snapshot those young enough to matter are read back.
/// </summary>
internal sealed partial class SessionLogObserver(
    SessionCache cache,
    IOptions<ReplicaOptions> options,
    IOptions<RtaTokenValidationOptions> tokenOptions,
    RtaServerTelemetry telemetry,
    ILogger<SessionLogObserver> logger) : IEventLogObserver
{
    // Compiled once: every batch of session entries reads its rows, and an ad-hoc query pays EF's expression evaluation
    // and query-cache lookup on each read.
    private static readonly Func<RtaDbContext, Guid[], IAsyncEnumerable<SessionEntity>> SessionsById =
        EF.CompileAsyncQuery((RtaDbContext db, Guid[] ids) => db.Sessions.AsNoTracking().Where(session => ids.Contains(session.Id)));

    public IReadOnlyCollection<string> EventTypes { get; } =
        [RtaEventTypes.SessionCreated, RtaEventTypes.SessionsRevoked, RtaEventTypes.SessionContextChanged, RtaEventTypes.SessionTokenRetired];

    public async Task LoadAsync(RtaDbContext db, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var revokedSince = startedAt - options.Value.RevokedRetention;
        var rows = await db.Sessions.AsNoTracking()
            .Where(session => session.Status == nameof(SessionStatus.Active) || session.RevokedAt > revokedSince)
            .ToListAsync(cancellationToken);
        cache.Load(rows.Select(row => row.ToState()));
        LogSessionsLoaded(logger, rows.Count);

        // A token older than its freshness window is refused anyway, so an older retirement changes nothing.
        var retiredSince = startedAt - tokenOptions.Value.FreshnessWindow - tokenOptions.Value.ClockSkew;
        var retirements = await db.EventLog.AsNoTracking()
            .Where(entry => entry.Type == RtaEventTypes.SessionTokenRetired && entry.OccurredAt > retiredSince)
            .OrderBy(entry => entry.Sequence)
            .ToListAsync(cancellationToken);
        foreach (var entry in retirements)
        {
            ApplyRetirement(entry);
        }
    }

    public async Task ApplyAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken)
    {
        var payloads = entries.ToDictionary(entry => entry.Sequence, SessionEventReader.Read);
        var ids = entries
            .SelectMany(entry => payloads[entry.Sequence] is { } payload ? RowsToRead(entry, payload) : [])
            .Distinct()
            .ToArray();
        var rows = ids.Length == 0 ? [] : await SessionsById(db, ids).ToListAsync(cancellationToken);
        var sessions = rows.ToDictionary(row => row.Id, row => row.ToState());

        foreach (var entry in entries)
        {
            if (entry.Type == RtaEventTypes.SessionTokenRetired)
            {
                ApplyRetirement(entry);
                continue;
            }

            if (payloads[entry.Sequence] is not { } payload || SessionEventReader.KindOf(entry.Type) is not { } kind)
            {
                continue;
            }

            using var activity = telemetry.StartApply(entry.Type, entry.Sequence, entry.TraceParent);
            var named = payload.Named?.ToHashSet();
            foreach (var id in payload.SessionIds)
            {
                var session = sessions.GetValueOrDefault(id) ?? (kind == SessionChangeKind.Revoked ? Revoke(cache.Find(id), payload, named, entry.Sequence) : null);
                if (kind == SessionChangeKind.Revoked && session is { IsActive: false, RevokedBySequence: null })
                {
                    // A row read for this entry: the revocation it records is this entry's.
                    session = session with { RevokedBySequence = entry.Sequence };
                }

                if (session is not null)
                {
                    cache.Apply(new SessionChange(kind, session, entry.Sequence, entry.OccurredAt, payload.Reason, payload.Detail));
                }
            }
        }
    }

    private void ApplyRetirement(EventLogRecord entry)
    {
        if (JsonSerializer.Deserialize<TokenRetiredPayload>(entry.Payload) is { } retired)
        {
            cache.RetireTokens(retired.SessionId, new TokenCutoff(retired.Before, retired.RetireAt));
        }
    }

    /// <summary>The sessions whose rows the entry needs: a revocation that says what it wrote needs only those not held here.</summary>
    private IEnumerable<Guid> RowsToRead(EventLogRecord entry, SessionEventPayload payload) =>
        entry.Type == RtaEventTypes.SessionsRevoked && payload.RevokedAt is not null
            ? payload.SessionIds.Where(id => cache.Find(id) is null)
            : payload.SessionIds;

    private static SessionState? Revoke(SessionState? held, SessionEventPayload payload, HashSet<Guid>? named, long sequence) =>
        held is null || payload.RevokedAt is not { } revokedAt
            ? null
            : held.AsRevoked(SubtreeRevocation.ReasonFor(held.Id, named, payload.Reason), payload.Detail, revokedAt, held.RevokedBySequence ?? sequence);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Loaded {Count} sessions from the snapshot")]
    private static partial void LogSessionsLoaded(ILogger logger, int count);
}
