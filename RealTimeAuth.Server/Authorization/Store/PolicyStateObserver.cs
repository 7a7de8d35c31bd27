using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Keeps this replica's <see cref="ActivePolicy"/> equal to the database: at the synchronizer's snapshot load and
/// at every batch with a <c>policy.published</c>, <c>directory.imported</c> or <c>resources.imported</c> entry it loads the
/// active version with the newest directories. Loading the current state (not the entry's version) makes replaying old entries harmless.
/// </summary>
internal sealed partial class PolicyStateObserver(
    ActivePolicy active, ILogger<PolicyStateObserver> logger) : IEventLogObserver
{
    public IReadOnlyCollection<string> EventTypes { get; } = [RtaEventTypes.PolicyPublished, RtaEventTypes.DirectoryImported, RtaEventTypes.ResourcesImported];

    // Read through the synchronizer's context: at a snapshot that is its repeatable-read transaction, so the policy is
    // the one as of the snapshot's last entry, like the sessions and keys loaded with it.
    public Task LoadAsync(RtaDbContext db, DateTimeOffset startedAt, CancellationToken cancellationToken) => ReloadAsync(db, cancellationToken);

    // The current state is loaded whole, so one load answers every entry of the batch.
    public Task ApplyAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken) =>
        ReloadAsync(db, cancellationToken);

    private async Task ReloadAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = await PolicySnapshotLoader.LoadActiveAsync(db, cancellationToken);
        if (snapshot is null && active.Current is null)
        {
            return;
        }

        active.Update(snapshot);
        LogActivated(logger, snapshot?.Version ?? "none", snapshot?.PolicySet.RuleIds.Length ?? 0, snapshot?.Directory.Count ?? 0);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Policy version {Version} active: {Rules} rules, {Subjects} directory subjects.")]
    private static partial void LogActivated(ILogger logger, string version, int rules, int subjects);
}
