using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// Stores accepted SETs durably, a group in one statement (one commit); each row is also the replay record. The rows
/// are numbered in the order given, which is the order the applier applies them in.
/// </summary>
internal sealed class ReceivedSetStore(RtaDbContext db, TimeProvider timeProvider)
{
    /// <summary>
    /// For each SET, true when it is new; false when its (iss, jti) was already received, earlier or in this group, which
    /// is counted in <c>redeliveries</c> and nothing more.
    /// </summary>
    public async Task<bool[]> AddAsync(IReadOnlyList<(ValidatedSet Set, string Delivery)> group, CancellationToken cancellationToken)
    {
        // One row per (iss, jti): a second delivery inside the group is a redelivery of the first, as it would be
        // across groups. ON CONFLICT cannot touch one row twice in a statement, so they are folded here.
        var firsts = new Dictionary<(string Issuer, string Jti), int>();
        var isNew = new bool[group.Count];
        var rows = new List<int>(group.Count);
        var repeats = new int[group.Count];
        for (var index = 0; index < group.Count; index++)
        {
            var key = (group[index].Set.Issuer, group[index].Set.Jti);
            if (firsts.TryGetValue(key, out var first))
            {
                repeats[first]++;
                continue;
            }

            firsts.Add(key, index);
            rows.Add(index);
        }

        ValidatedSet At(int index) => group[index].Set;
        var now = timeProvider.GetUtcNow();
        var inserted = await db.Database.SqlQuery<InsertedRow>($"""
            INSERT INTO ssf_received_sets
                (stream_id, issuer, jti, event_type, subject_format, raw, claims, issued_at, received_at, delivery, status, attempts, redeliveries)
            SELECT stream_id, issuer, jti, event_type, subject_format, raw, claims, issued_at, {now}, delivery, {ReceivedSetStatus.Pending}, 0, repeats
            FROM unnest({rows.Select(index => At(index).Stream.Id).ToArray()}, {rows.Select(index => At(index).Issuer).ToArray()},
                        {rows.Select(index => At(index).Jti).ToArray()}, {rows.Select(index => At(index).EventType).ToArray()},
                        {rows.Select(index => At(index).SubjectFormat).ToArray()}, {rows.Select(index => At(index).Raw).ToArray()},
                        {rows.Select(index => At(index).ClaimsJson).ToArray()}, {rows.Select(index => At(index).IssuedAt).ToArray()},
                        {rows.Select(index => group[index].Delivery).ToArray()}, {rows.Select(index => repeats[index]).ToArray()})
                WITH ORDINALITY AS given(stream_id, issuer, jti, event_type, subject_format, raw, claims, issued_at, delivery, repeats, position)
            ORDER BY position
            ON CONFLICT (issuer, jti) DO UPDATE SET redeliveries = ssf_received_sets.redeliveries + 1 + excluded.redeliveries
            RETURNING jti AS "Jti", issuer AS "Issuer", (xmax = 0) AS "Inserted"
            """).ToListAsync(cancellationToken);
        foreach (var row in inserted)
        {
            isNew[firsts[(row.Issuer, row.Jti)]] = row.Inserted;
        }

        return isNew;
    }

    /// <summary>A row of the insert's <c>RETURNING</c>; properties named as its column aliases.</summary>
    private sealed class InsertedRow
    {
        public string Issuer { get; set; } = string.Empty;

        public string Jti { get; set; } = string.Empty;

        public bool Inserted { get; set; }
    }
}
