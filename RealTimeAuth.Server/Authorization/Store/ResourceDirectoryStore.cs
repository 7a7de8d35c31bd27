using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Stores resource directory imports like subject directory imports: in one transaction holding the event-log lock
/// the directory is stored with its <c>resources.imported</c> entry, and every replica loads it before this one answers.
/// No session is re-evaluated: a session's permissions never depend on one resource's properties (they are read per
/// decision, so a condition reading them is only ever "possible" for a session).
/// </summary>
public sealed partial class ResourceDirectoryStore(
    RtaDbContext db,
    EventLogWriter events,
    EventAnnouncer announcer,
    IReplicaCurrency replica,
    TimeProvider timeProvider,
    ILogger<ResourceDirectoryStore> logger)
{
    private const string SeedReason = "seeded from Policies:ResourceDirectoryFile";

    /// <summary>Stores a valid directory as the newest and waits until this replica decides with it; the diagnostics when it is invalid.</summary>
    public async Task<ResourceDirectoryImport> ImportAsync(string document, string? reason, string actor, CancellationToken cancellationToken)
    {
        var import = ResourceDirectoryFile.Import(document);
        if (!import.Succeeded)
        {
            return import;
        }

        EventLogRecord entry;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await events.LockAsync(db, cancellationToken);
            entry = await AppendAsync(document, import.Directory.Count, reason, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await announcer.AnnounceAsync(db, entry);
        await replica.WaitForAppliedAsync(entry.Sequence, cancellationToken);
        LogImported(logger, import.Directory.Count, actor);
        return import;
    }

    /// <summary>
    /// Imports a valid configuration file as version 1, published by <see cref="PolicyStoreService.SeedActor"/>. Returns
    /// false, changing nothing, when the database already holds a resource directory: the database is the source of truth.
    /// </summary>
    public async Task<bool> SeedAsync(string document, CancellationToken cancellationToken)
    {
        var import = ResourceDirectoryFile.Import(document);
        EventLogRecord entry;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await events.LockAsync(db, cancellationToken);
            if (await db.ResourceDirectoryVersions.AnyAsync(cancellationToken))
            {
                return false;
            }

            entry = await AppendAsync(document, import.Directory?.Count ?? 0, SeedReason, PolicyStoreService.SeedActor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await announcer.AnnounceAsync(db, entry);
        return true;
    }

    private async Task<EventLogRecord> AppendAsync(string document, int count, string? reason, string actor, CancellationToken cancellationToken)
    {
        var version = (await db.ResourceDirectoryVersions.MaxAsync(row => (int?)row.Version, cancellationToken) ?? 0) + 1;
        db.ResourceDirectoryVersions.Add(new ResourceDirectoryVersionEntity
        {
            Version = version,
            Document = document,
            ResourceCount = count,
            ImportedBy = actor,
            ImportedAt = timeProvider.GetUtcNow(),
        });
        var entry = events.Append(db, RtaEventTypes.ResourcesImported, new PolicyEventPayload(version, reason), actor);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    [LoggerMessage(EventId = 4125, Level = LogLevel.Information, Message = "Resource directory with {Resources} resources imported by {Actor}")]
    private static partial void LogImported(ILogger logger, int resources, string actor);
}
