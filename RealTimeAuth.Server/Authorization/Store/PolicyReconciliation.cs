using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Every <see cref="PolicyOptions.ReconcileInterval"/>, the replica holding a PostgreSQL advisory lock re-evaluates
/// every live session against the active policy. A publish re-evaluates right after its commit, but that pass can
/// fail after the commit, and a session created while the publish commits keeps what the old version granted. The
/// pass changes only sessions whose stored permissions differ, so in a consistent state it writes nothing.
/// </summary>
internal sealed partial class PolicyReconciliation(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    IOptions<PolicyOptions> options,
    IReplicaCurrency replica,
    TimeProvider timeProvider,
    ILogger<PolicyReconciliation> logger) : BackgroundService
{
    public const string Cause = "reconciliation";
    public const string Actor = "system:policy-reconciliation";
    private const long LeaseKey = 0x5254_4150_4F4C_5243; // "RTAPOLRC"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.ReconcileInterval, timeProvider, stoppingToken);
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>One pass, if no other replica is running one; null when another replica holds the lease.</summary>
    internal async Task<ReevaluationResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        ReevaluationResult? result = null;
        await AdvisoryLease.RunIfTakenAsync(scopeFactory, LeaseKey, async _ =>
        {
            // The pass works from this replica's policy and sessions: first apply what the log already holds (a publish
            // committed on another replica a moment ago), and skip the pass if this replica cannot prove it is current.
            await replica.CatchUpAsync(cancellationToken);
            if (!replica.IsCurrent)
            {
                return;
            }

            await using var work = scopeFactory.CreateAsyncScope();
            result = await work.ServiceProvider.GetRequiredService<SessionReevaluator>().ReevaluateAsync(Cause, Actor, cancellationToken, quiet: true);
        }, cancellationToken);
        return result;
    }

    [LoggerMessage(EventId = 4131, Level = LogLevel.Warning, Message = "Policy reconciliation failed ({Error}: {Reason}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error, string reason);
}
