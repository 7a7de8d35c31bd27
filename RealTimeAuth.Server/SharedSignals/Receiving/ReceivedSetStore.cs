using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>Stores accepted SETs durably; the row is also the replay record, written by one atomic statement.</summary>
internal sealed class ReceivedSetStore(RtaDbContext db, TimeProvider timeProvider)
{
    /// <summary>True when the SET is new; false when its (iss, jti) was already received, which is counted and nothing more.</summary>
    public async Task<bool> AddAsync(ValidatedSet set, string delivery, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var inserted = await db.Database.SqlQuery<bool>($"""
            INSERT INTO ssf_received_sets
                (stream_id, issuer, jti, event_type, subject_format, raw, claims, issued_at, received_at, delivery, status, attempts, redeliveries)
            VALUES
                ({set.Stream.Id}, {set.Issuer}, {set.Jti}, {set.EventType}, {set.SubjectFormat}, {set.Raw}, {set.ClaimsJson},
                 {set.IssuedAt}, {now}, {delivery}, {ReceivedSetStatus.Pending}, 0, 0)
            ON CONFLICT (issuer, jti) DO UPDATE SET redeliveries = ssf_received_sets.redeliveries + 1
            RETURNING (xmax = 0) AS "Value"
            """).ToListAsync(cancellationToken);
        return inserted.Count == 1 && inserted[0];
    }
}
