using System.Threading.Channels;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// Group commit: callers queue an item and wait for its answer; one loop takes every item queued since its last write
/// (up to <see cref="MaxBatch"/>) and writes them together, so concurrent callers share one transaction and one commit
/// (ADR 0023, 0026). A lone item is a group of one and waits for nobody. A write that throws fails every item of its
/// group; a replica that stops fails what is still queued, and anything queued from then on.
/// </summary>
/// <typeparam name="TItem">What a caller queues.</typeparam>
/// <typeparam name="TResult">What each caller is answered once its item is written.</typeparam>
public abstract class GroupCommitQueue<TItem, TResult> : BackgroundService
{
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues <paramref name="item"/>; completes with its answer, or throws what failed its group's write.</summary>
    protected Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The replica is stopping; nothing more is written.");
        }

        // The caller may give up waiting; the write itself goes on, as a committed one would.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes one group and answers each of its items (<see cref="Pending.Done"/>); throwing fails them all.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<Pending> group, CancellationToken cancellationToken);

    /// <summary>Says why a group's write threw, before each of its callers is failed with the exception.</summary>
    protected abstract void OnGroupFailed(int count, Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }

                try
                {
                    await WriteAsync(group, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    OnGroupFailed(group.Count, exception);
                    group.ForEach(item => item.Done.TrySetException(exception));
                }

                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fail what is still queued, below.
        }
        finally
        {
            _queue.Writer.TryComplete();
            var stopped = new OperationCanceledException("The replica stopped before this was written.");
            group.ForEach(item => item.Done.TrySetException(stopped));
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(stopped);
            }
        }
    }

    /// <summary>A queued item and its caller's answer.</summary>
    protected sealed record Pending(TItem Item)
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
