using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>The <c>subject_status</c> table: users a transmitter reported disabled, purged or compromised.</summary>
internal sealed class SubjectStatusStore(RtaDbContext db, TimeProvider timeProvider)
{
    public const string Disabled = "disabled";
    public const string Purged = "purged";
    public const string Compromised = "compromised";

    public async Task BlockAsync(IEnumerable<SubjectKey> keys, string status, string? reason, string eventType, string jti, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var key in keys.Distinct())
        {
            var row = await db.SubjectStatuses.FindAsync([key.Format, key.Issuer, key.Value], cancellationToken);
            if (row is null)
            {
                row = new SubjectStatusEntity { Format = key.Format, Issuer = key.Issuer, Value = key.Value, Status = status, EventType = eventType, Jti = jti };
                db.SubjectStatuses.Add(row);
            }

            row.Status = status;
            row.Reason = reason is { Length: > 1024 } ? reason[..1024] : reason;
            row.EventType = eventType;
            row.Jti = jti;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes the rows of these identifiers; returns how many there were.</summary>
    public async Task<int> RemoveAsync(IEnumerable<SubjectKey> keys, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var key in keys.Distinct())
        {
            removed += await db.SubjectStatuses
                .Where(row => row.Format == key.Format && row.Issuer == key.Issuer && row.Value == key.Value)
                .ExecuteDeleteAsync(cancellationToken);
        }

        return removed;
    }

    /// <summary>Moves the rows of one identifier to its new value (RISC identifier-changed); returns how many moved.</summary>
    public async Task<int> RenameAsync(IEnumerable<SubjectKey> keys, string newValue, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var key in keys.Distinct())
        {
            var row = await db.SubjectStatuses.AsNoTracking()
                .FirstOrDefaultAsync(row => row.Format == key.Format && row.Issuer == key.Issuer && row.Value == key.Value, cancellationToken);
            if (row is null)
            {
                continue;
            }

            await RemoveAsync([key], cancellationToken);
            await BlockAsync([key with { Value = newValue }], row.Status, row.Reason, row.EventType, row.Jti, cancellationToken);
            moved++;
        }

        return moved;
    }
}
