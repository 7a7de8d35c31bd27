namespace RealTimeAuth.Server.Data;

/// <summary>Whether the schema is current; read by the health check and by code that needs the database.</summary>
public sealed class DatabaseMigrationState
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsComplete => _completed.Task.IsCompletedSuccessfully;

    public Exception? Failure => _completed.Task.Exception?.InnerException;

    /// <summary>Completes when migrations are applied; faults if they failed.</summary>
    public Task Completion => _completed.Task;

    internal void MarkComplete() => _completed.TrySetResult();

    internal void MarkFailed(Exception exception) => _completed.TrySetException(exception);
}
