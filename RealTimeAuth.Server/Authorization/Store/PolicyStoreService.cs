using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Stores policy versions and directory imports. Creating a draft changes no decision. Publishing and importing
/// are atomic and audited: in one transaction holding the event-log lock the version becomes active (the previous
/// one superseded) or the directory is stored, with its <c>policy.published</c> or <c>directory.imported</c>
/// entry; every replica then loads it, and this one re-evaluates the live sessions before answering.
/// </summary>
public sealed partial class PolicyStoreService(
    RtaDbContext db,
    EventLogWriter events,
    EventAnnouncer announcer,
    IReplicaCurrency replica,
    SessionReevaluator reevaluator,
    TimeProvider timeProvider,
    ILogger<PolicyStoreService> logger)
{
    /// <summary>Who published a version seeded from <c>Policies:File</c>.</summary>
    public const string SeedActor = "configuration";

    private const string SeedReason = "seeded from Policies:File";

    /// <summary>Stores a valid policy file as a new draft version; null (nothing stored) when it is invalid.</summary>
    public async Task<PolicyVersionEntity?> CreateDraftAsync(string document, string? comment, string actor, CancellationToken cancellationToken)
    {
        var validation = PolicyValidation.Of(document);
        if (!validation.Valid)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        var row = new PolicyVersionEntity
        {
            Version = await NextPolicyVersionAsync(cancellationToken),
            Name = validation.Document!.Name,
            Description = validation.Document.Description,
            Document = document,
            RuleCount = validation.RuleCount,
            Status = PolicyVersionStatuses.Draft,
            CreatedBy = actor,
            CreatedAt = timeProvider.GetUtcNow(),
            Comment = comment,
        };
        db.PolicyVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDraftCreated(logger, row.Version, actor);
        return row;
    }

    /// <summary>
    /// Makes <paramref name="version"/> the active one (an older version: a rollback), then re-evaluates the live
    /// sessions. Null when there is no such version; an outcome without change when it is already active.
    /// </summary>
    public async Task<PublishOutcome?> PublishAsync(int version, string reason, string actor, CancellationToken cancellationToken)
    {
        EventLogRecord entry;
        PolicyVersionEntity row;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await events.LockAsync(db, cancellationToken);
            var found = await db.PolicyVersions.FirstOrDefaultAsync(candidate => candidate.Version == version, cancellationToken);
            if (found is null)
            {
                return null;
            }

            row = found;
            var now = timeProvider.GetUtcNow();
            // Supersede first: the database allows one active version at a time.
            await db.PolicyVersions
                .Where(candidate => candidate.Status == PolicyVersionStatuses.Active && candidate.Version != version)
                .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.Status, PolicyVersionStatuses.Superseded), cancellationToken);
            row.Status = PolicyVersionStatuses.Active;
            row.PublishedAt = now;
            row.PublishedBy = actor;
            row.PublishReason = reason;
            entry = events.Append(db, RtaEventTypes.PolicyPublished, new PolicyEventPayload(version, reason), actor);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await announcer.AnnounceAsync(db, entry);
        await replica.WaitForAppliedAsync(entry.Sequence, cancellationToken);
        LogPublished(logger, version, actor);
        var reevaluation = await ReevaluateAfterCommitAsync($"policy version {version}", actor, cancellationToken);
        return new PublishOutcome(version, row.PublishedAt!.Value, entry.Sequence, reevaluation);
    }

    /// <summary>Stores a directory import as the newest and re-evaluates the live sessions; the diagnostics when it is invalid.</summary>
    public async Task<SubjectDirectoryImport> ImportDirectoryAsync(string document, string? reason, string actor, CancellationToken cancellationToken)
    {
        var import = SubjectDirectoryFile.Import(document);
        if (!import.Succeeded)
        {
            return import;
        }

        EventLogRecord entry;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await events.LockAsync(db, cancellationToken);
            var version = (await db.SubjectDirectoryVersions.MaxAsync(row => (int?)row.Version, cancellationToken) ?? 0) + 1;
            db.SubjectDirectoryVersions.Add(new SubjectDirectoryVersionEntity
            {
                Version = version,
                Document = document,
                SubjectCount = import.Directory.Count,
                ImportedBy = actor,
                ImportedAt = timeProvider.GetUtcNow(),
            });
            entry = events.Append(db, RtaEventTypes.DirectoryImported, new PolicyEventPayload(version, reason), actor);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await announcer.AnnounceAsync(db, entry);
        await replica.WaitForAppliedAsync(entry.Sequence, cancellationToken);
        await ReevaluateAfterCommitAsync("directory import", actor, cancellationToken);
        return import;
    }

    /// <summary>
    /// Seeds an empty store from configuration files: the policy as an active version published by
    /// <see cref="SeedActor"/> and the directory (when given and none is stored). Returns false, changing nothing,
    /// when a version is already active. The files must be valid (the caller checked them).
    /// </summary>
    public async Task<bool> SeedAsync(string policy, string? directory, CancellationToken cancellationToken)
    {
        var validation = PolicyValidation.Of(policy);
        var entries = new List<EventLogRecord>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await events.LockAsync(db, cancellationToken);
            if (await db.PolicyVersions.AnyAsync(row => row.Status == PolicyVersionStatuses.Active, cancellationToken))
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            if (directory is not null && !await db.SubjectDirectoryVersions.AnyAsync(cancellationToken))
            {
                var import = SubjectDirectoryFile.Import(directory);
                db.SubjectDirectoryVersions.Add(new SubjectDirectoryVersionEntity
                {
                    Version = 1,
                    Document = directory,
                    SubjectCount = import.Directory?.Count ?? 0,
                    ImportedBy = SeedActor,
                    ImportedAt = now,
                });
                entries.Add(events.Append(db, RtaEventTypes.DirectoryImported, new PolicyEventPayload(1, SeedReason), SeedActor));
            }

            var version = await NextPolicyVersionAsync(cancellationToken);
            db.PolicyVersions.Add(new PolicyVersionEntity
            {
                Version = version,
                Name = validation.Document?.Name,
                Description = validation.Document?.Description,
                Document = policy,
                RuleCount = validation.RuleCount,
                Status = PolicyVersionStatuses.Active,
                CreatedBy = SeedActor,
                CreatedAt = now,
                Comment = SeedReason,
                PublishedBy = SeedActor,
                PublishedAt = now,
                PublishReason = SeedReason,
            });
            entries.Add(events.Append(db, RtaEventTypes.PolicyPublished, new PolicyEventPayload(version, SeedReason), SeedActor));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await announcer.AnnounceAsync(db, entries);
        return true;
    }

    /// <summary>
    /// The change is committed and every replica decides with it; a failure here (the database gone a moment) must not
    /// turn that success into an error for the admin, so it is logged and reported in the outcome instead.
    /// </summary>
    private async Task<ReevaluationResult> ReevaluateAfterCommitAsync(string cause, string actor, CancellationToken cancellationToken)
    {
        try
        {
            return await reevaluator.ReevaluateAsync(cause, actor, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogReevaluationFailed(logger, cause, exception.GetType().Name, exception.Message);
            return ReevaluationResult.Failed($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private async Task<int> NextPolicyVersionAsync(CancellationToken cancellationToken) =>
        (await db.PolicyVersions.MaxAsync(row => (int?)row.Version, cancellationToken) ?? 0) + 1;

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Policy version {Version} stored as a draft by {Actor}")]
    private static partial void LogDraftCreated(ILogger logger, int version, string actor);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "Policy version {Version} published by {Actor}")]
    private static partial void LogPublished(ILogger logger, int version, string actor);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "Re-evaluating the live sessions after {Cause} failed ({Error}: {Reason}); decisions use it already, pushed tokens wait for the next re-evaluation")]
    private static partial void LogReevaluationFailed(ILogger logger, string cause, string error, string reason);
}
