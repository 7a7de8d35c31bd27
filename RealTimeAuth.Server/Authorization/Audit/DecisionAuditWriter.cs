using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Drains the <see cref="DecisionRecorder"/>'s channel into <c>decision_audit</c> with Npgsql binary COPY, one batch
/// of up to <see cref="DecisionAuditOptions.BatchSize"/> rows at a time, off every request path. A batch that fails
/// to write is counted as dropped and logged; the writer keeps going. At shutdown it writes what is queued.
/// </summary>
internal sealed partial class DecisionAuditWriter(
    DecisionRecorder recorder,
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    DecisionAuditMetrics metrics,
    IOptions<DecisionAuditOptions> options,
    ILogger<DecisionAuditWriter> logger) : BackgroundService
{
    private const string Copy = """
        COPY decision_audit (time, session_id, user_id, agent_chain, action, resource_type, resource_id, allowed, policy_version, reason, source, key_chain)
        FROM STDIN (FORMAT BINARY)
        """;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        var batch = new List<DecisionRecord>(options.Value.BatchSize);
        var reader = recorder.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued, then stop.
            await DrainAsync(batch, CancellationToken.None);
        }
    }

    private async Task DrainAsync(List<DecisionRecord> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < options.Value.BatchSize && recorder.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await WriteAsync(batch, cancellationToken);
                metrics.Written.Add(batch.Count);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Whatever went wrong, the audit must not take the server down: count, log, go on.
                recorder.CountWriteFailure(batch.Count);
                LogWriteFailed(logger, batch.Count, exception.GetType().Name, exception.Message);
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(List<DecisionRecord> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var record in batch)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(record.Time.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, record.SessionId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(record.User, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.AgentChain.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.Action, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.ResourceType, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, record.ResourceId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.Allowed, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(importer, record.PolicyVersion, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, record.Reason, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.Source, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(record.KeyChain.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Writing {Count} decision audit rows failed ({Error}: {Reason}); they are dropped")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error, string reason);
}
