using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// The <c>subject_status</c> table: users a transmitter reported disabled, purged or compromised. Each row names the
/// transmitter that set it (<see cref="SubjectStatusEntity.SetBy"/>); a transmitter changes only its own rows (ADR 0020).
/// </summary>
internal sealed class SubjectStatusStore(RtaDbContext db, TimeProvider timeProvider)
{
    public const string Disabled = "disabled";
    public const string Purged = "purged";
    public const string Compromised = "compromised";

    /// <summary>Sets, or refreshes, <paramref name="setBy"/>'s block on each identifier.</summary>
    public async Task BlockAsync(
        IEnumerable<SubjectKey> keys, string setBy, string status, string? reason, string eventType, string jti, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var key in keys.Distinct())
        {
            var row = await db.SubjectStatuses.FindAsync([key.Format, key.Issuer, key.Value, setBy], cancellationToken);
            if (row is null)
            {
                row = new SubjectStatusEntity
                {
                    Format = key.Format,
                    Issuer = key.Issuer,
                    Value = key.Value,
                    SetBy = setBy,
                    Status = status,
                    EventType = eventType,
                    Jti = jti,
                };
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

    /// <summary>
    /// Removes <paramref name="setBy"/>'s blocks on these identifiers; returns how many it removed and how many blocks of
    /// other transmitters remain on them.
    /// </summary>
    public async Task<(int Removed, int HeldByOthers)> LiftAsync(IEnumerable<SubjectKey> keys, string setBy, CancellationToken cancellationToken)
    {
        var (removed, held) = (0, 0);
        foreach (var key in keys.Distinct())
        {
            removed += await OfKey(key).Where(row => row.SetBy == setBy).ExecuteDeleteAsync(cancellationToken);
            held += await OfKey(key).CountAsync(cancellationToken);
        }

        return (removed, held);
    }

    /// <summary>Removes one block whoever set it (an admin's lift); false when there is no such block.</summary>
    public async Task<bool> RemoveAsync(SubjectKey key, string setBy, CancellationToken cancellationToken) =>
        await OfKey(key).Where(row => row.SetBy == setBy).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Carries the blocks of one identifier to its new value (RISC identifier-changed from <paramref name="changedBy"/>),
    /// each keeping its setter. The sender's own blocks move; another transmitter's block stays on the old value as well,
    /// so no transmitter lifts another's block by renaming it away. Returns how many blocks it carried.
    /// </summary>
    public async Task<int> RenameAsync(IEnumerable<SubjectKey> keys, string newValue, string changedBy, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var key in keys.Distinct())
        {
            var rows = await OfKey(key).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (row.SetBy == changedBy)
                {
                    await OfKey(key).Where(old => old.SetBy == changedBy).ExecuteDeleteAsync(cancellationToken);
                }

                await BlockAsync([key with { Value = newValue }], row.SetBy, row.Status, row.Reason, row.EventType, row.Jti, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    private IQueryable<SubjectStatusEntity> OfKey(SubjectKey key) =>
        db.SubjectStatuses.Where(row => row.Format == key.Format && row.Issuer == key.Issuer && row.Value == key.Value);
}
