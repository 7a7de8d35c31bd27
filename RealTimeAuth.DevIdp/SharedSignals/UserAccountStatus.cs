using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.DevIdp.Data;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// Which demo users are disabled. Held in memory for the sign-in and token paths, written through to the
/// <c>disabled_users</c> table so a restart keeps them disabled.
/// </summary>
public sealed class UserAccountStatus(IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, bool> _disabled = new(StringComparer.Ordinal);

    public bool IsDisabled(string subjectId) => _disabled.ContainsKey(subjectId);

    /// <summary>Reads the table (after migrations).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdpDbContext>();
        foreach (var subject in await db.DisabledUsers.AsNoTracking().Select(row => row.SubjectId).ToListAsync(cancellationToken))
        {
            _disabled[subject] = true;
        }
    }

    public async Task SetDisabledAsync(string subjectId, bool disabled, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DevIdpDbContext>();
        var row = await db.DisabledUsers.FindAsync([subjectId], cancellationToken);
        if (disabled && row is null)
        {
            db.DisabledUsers.Add(new DisabledUserRecord { SubjectId = subjectId, DisabledAt = timeProvider.GetUtcNow() });
        }
        else if (!disabled && row is not null)
        {
            db.DisabledUsers.Remove(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (disabled)
        {
            _disabled[subjectId] = true;
        }
        else
        {
            _disabled.TryRemove(subjectId, out _);
        }
    }
}
