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
/// never costs its batch: it is isolated and written truncated and flagged (ADR 0019). While the database is down the
/// batch is kept and retried, new decisions wait in the recorder's bounded queue, and rows written after the outage are
/// counted as written late (ADR 0021). At shutdown it writes what is queued, and drops (counted, logged) what it cannot.
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

    // Rows of the current batch written or given up one by one (always a prefix of it), so a later failure of the
    // database keeps only the rest.
    private int _settled;

    // Set when a write fails for want of the database, cleared when the queue is drained again: rows written meanwhile
    // waited through the outage and are counted as written late.
    private bool _outage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        var batch = new List<DecisionRecord>(options.Value.BatchSize);
        var reader = recorder.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: one more try for what is queued or kept, then stop.
            await DrainAsync(batch, stoppingToken);
        }
    }

    /// <summary>
    /// Writes queued rows until the queue is empty. When the database fails the batch is kept and tried again every
    /// <see cref="DecisionAuditOptions.RetryInterval"/> while new decisions wait in the bounded queue (ADR 0021); only at
    /// shutdown is a batch the database will not take dropped, counted and logged.
    /// </summary>
    private async Task DrainAsync(List<DecisionRecord> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            while (batch.Count < options.Value.BatchSize && recorder.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            if (batch.Count == 0)
            {
                EndOutage();
                return;
            }

            _settled = 0;
            try
            {
                await WriteIsolatingAsync(batch.ToArray(), CancellationToken.None);
                batch.Clear();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                batch.RemoveRange(0, _settled);
                if (stoppingToken.IsCancellationRequested)
                {
                    recorder.CountWriteFailure(batch.Count);
                    LogWriteFailed(logger, batch.Count, exception.GetType().Name, exception.Message);
                    batch.Clear();
                    continue;
                }

                if (!_outage)
                {
                    _outage = true;
                    LogOutage(logger, batch.Count, exception.GetType().Name, exception.Message);
                }

                // Cancelled at shutdown: ExecuteAsync then makes the last try.
                await Task.Delay(options.Value.RetryInterval, stoppingToken);
            }
        }
    }

    private void EndOutage()
    {
        if (_outage)
        {
            _outage = false;
            LogOutageOver(logger, recorder.WrittenLate);
        }
    }

    private void CountWritten(int count)
    {
        metrics.Written.Add(count);
        if (_outage)
        {
            recorder.CountWrittenLate(count);
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
            CountWritten(rows.Count);
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
            CountWritten(1);
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

    [LoggerMessage(EventId = 4210, Level = LogLevel.Warning,
        Message = "Writing {Count} decision audit rows failed ({Error}: {Reason}); they are kept and retried, new decisions wait in the queue")]
    private static partial void LogOutage(ILogger logger, int count, string error, string reason);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Information,
        Message = "The decision audit queue is drained after a database outage; {WrittenLate} rows written late since start")]
    private static partial void LogOutageOver(ILogger logger, long writtenLate);

}
