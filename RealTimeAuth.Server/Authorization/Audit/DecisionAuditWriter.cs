using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Drains the <see cref="DecisionRecorder"/>'s channel into <c>decision_audit</c> with Npgsql binary COPY, one batch
/// of up to <see cref="DecisionAuditOptions.BatchSize"/> rows at a time, off every request path. A row PostgreSQL refuses
/// never costs its batch: it is isolated and written truncated and flagged (ADR 0019). A batch the database fails to
/// take at all is counted as dropped and logged; the writer keeps going. At shutdown it writes what is queued.
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
        COPY decision_audit (time, session_id, user_id, agent_chain, action, resource_type, resource_id, allowed, policy_version, reason, source, key_chain, truncated)
        FROM STDIN (FORMAT BINARY)
        """;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // Rows of the current batch written or given up one by one, so a later failure of the database drops only the rest.
    private int _settled;

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

            _settled = 0;
            try
            {
                await WriteIsolatingAsync(batch.ToArray(), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself failed (not one row's data): the audit must not take the server down, so count,
                // log, go on.
                var lost = batch.Count - _settled;
                recorder.CountWriteFailure(lost);
                LogWriteFailed(logger, lost, exception.GetType().Name, exception.Message);
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> in one COPY. When PostgreSQL (or the encoder) refuses a row's data, the COPY is
    /// split in halves until the bad row stands alone, and that row is written truncated and flagged: one bad row costs
    /// about log2(batch) extra COPYs, and every good row of its batch is written.
    /// </summary>
    private async Task WriteIsolatingAsync(ArraySegment<DecisionRecord> rows, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(rows, cancellationToken);
            metrics.Written.Add(rows.Count);
            _settled += rows.Count;
            return;
        }
        catch (Exception exception) when (IsBadData(exception) && rows.Count == 1)
        {
            await WriteTruncatedAsync(rows[0], exception, cancellationToken);
            return;
        }
        catch (Exception exception) when (IsBadData(exception))
        {
            // Fall through to the halves.
        }

        var half = rows.Count / 2;
        await WriteIsolatingAsync(rows[..half], cancellationToken);
        await WriteIsolatingAsync(rows[half..], cancellationToken);
    }

    private async Task WriteTruncatedAsync(DecisionRecord record, Exception refusal, CancellationToken cancellationToken)
    {
        var error = refusal is PostgresException postgres ? postgres.SqlState : refusal.GetType().Name;
        try
        {
            await WriteAsync(new[] { DecisionRecordTruncation.Truncate(record) }, cancellationToken);
            metrics.Written.Add(1);
            metrics.Truncated.Add(1);
            _settled++;
            LogRowTruncated(logger, record.SessionId, record.Source, error);
        }
        catch (Exception exception) when (IsBadData(exception))
        {
            recorder.CountWriteFailure(1);
            _settled++;
            LogRowDropped(logger, record.SessionId, record.Source, error);
        }
    }

    /// <summary>
    /// A refusal of this data, not of the database: a PostgreSQL data exception (SQLSTATE class 22, e.g. 22001 too long,
    /// 22021 U+0000) or integrity violation (class 23), or text the UTF-8 encoder cannot write.
    /// </summary>
    private static bool IsBadData(Exception exception) =>
        exception is PostgresException { SqlState: ['2', '2' or '3', ..] } or EncoderFallbackException;

    private async Task WriteAsync(IReadOnlyList<DecisionRecord> batch, CancellationToken cancellationToken)
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
            await importer.WriteAsync(record.Truncated, NpgsqlDbType.Boolean, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning,
        Message = "A decision audit row (session {SessionId}, {Source}) was refused ({Error}); it is written truncated and flagged")]
    private static partial void LogRowTruncated(ILogger logger, Guid? sessionId, string source, string error);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Error,
        Message = "A decision audit row (session {SessionId}, {Source}) was refused ({Error}) even truncated; it is dropped")]
    private static partial void LogRowDropped(ILogger logger, Guid? sessionId, string source, string error);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Writing {Count} decision audit rows failed ({Error}: {Reason}); they are dropped")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error, string reason);
}
