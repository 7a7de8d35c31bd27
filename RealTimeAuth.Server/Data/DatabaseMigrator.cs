using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// Applies EF Core migrations at start, retrying while PostgreSQL comes up. Replicas racing
/// to migrate are serialised by the advisory lock EF Core's Npgsql migrator takes.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState state,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
                await db.Database.MigrateAsync(stoppingToken);
                state.MarkComplete();
                LogMigrated(logger);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && attempt < MaxAttempts)
            {
                LogRetrying(logger, attempt, exception.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
                state.MarkFailed(exception);
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Database migration attempt {Attempt} failed, retrying: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "Database migration failed; the server cannot serve")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
