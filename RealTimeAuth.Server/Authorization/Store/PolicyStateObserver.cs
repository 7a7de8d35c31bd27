using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Keeps this replica's <see cref="ActivePolicy"/> equal to the database: at the synchronizer's snapshot load and
/// at every batch with a <c>policy.published</c> or <c>directory.imported</c> entry it loads the active version with the newest
/// directory. Loading the current state (not the entry's version) makes replaying old entries harmless.
/// </summary>
internal sealed partial class PolicyStateObserver(
    IServiceScopeFactory scopeFactory, ActivePolicy active, ILogger<PolicyStateObserver> logger) : IEventLogObserver
{
    public IReadOnlyCollection<string> EventTypes { get; } = [RtaEventTypes.PolicyPublished, RtaEventTypes.DirectoryImported];

    public Task LoadAsync(RtaDbContext db, DateTimeOffset startedAt, CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    // The current state is loaded whole, so one load answers every entry of the batch.
    public Task ApplyAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken) =>
        ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
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
