using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>
/// The environment's replica and more of the same cluster, each in its own child process, sharing PostgreSQL and Redis
/// the way the app host's <c>Server:Replicas</c> runs them. The first is the one admins call.
/// </summary>
internal sealed class ReplicaSet : IAsyncDisposable
{
    private readonly List<ServerProcess> _extra = [];

    private ReplicaSet(LoadEnvironment environment) => All = [environment.Server];

    public List<ServerProcess> All { get; }

    public static async Task<ReplicaSet> StartAsync(LoadEnvironment environment, int count, CancellationToken cancellationToken)
    {
        var set = new ReplicaSet(environment);
        try
        {
            while (set.All.Count < count)
            {
                Progress.Write($"Starting server replica {set.All.Count + 1} of {count} in a child process…");
                var replica = await ServerProcess.StartAsync(environment.Cluster.ReplicaSettings(), cancellationToken);
                set._extra.Add(replica);
                set.All.Add(replica);
            }

            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU time all replicas have used so far.</summary>
    public TimeSpan ProcessorTime => All.Aggregate(TimeSpan.Zero, (total, replica) => total + replica.ProcessorTime);

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _extra)
        {
            await replica.DisposeAsync();
        }
    }
}
