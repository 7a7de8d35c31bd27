using System.Collections.Immutable;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// Finds the push streams an Authorization header is valid for. A header that matches none makes this replica
/// re-read the streams table once, at most every <see cref="MissReloadInterval"/>: another replica may have
/// rotated the stream's secret at the transmitter a moment ago (ADR 0009), and this one would otherwise refuse
/// every push until its next periodic refresh.
/// </summary>
internal sealed class PushAuthenticator(SsfStreamCatalog catalog, IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IDisposable
{
    /// <summary>Bounds what unauthenticated requests can cost: one read of a small table per second.</summary>
    public static readonly TimeSpan MissReloadInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private long _lastReload = long.MinValue;

    public async Task<ImmutableArray<SsfStreamDescriptor>> AuthenticateAsync(string authorization, CancellationToken cancellationToken)
    {
        var streams = catalog.AuthenticatePush(authorization);
        if (streams.IsEmpty && await ReloadAfterMissAsync(cancellationToken))
        {
            streams = catalog.AuthenticatePush(authorization);
        }

        return streams;
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>True when the catalog was re-read after this miss arrived, by this call or a concurrent one.</summary>
    private async Task<bool> ReloadAfterMissAsync(CancellationToken cancellationToken)
    {
        var arrived = timeProvider.GetTimestamp();
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_lastReload >= arrived)
            {
                return true;
            }

            if (_lastReload != long.MinValue && timeProvider.GetElapsedTime(_lastReload) < MissReloadInterval)
            {
                return false;
            }

            _lastReload = timeProvider.GetTimestamp();
            await using var scope = scopeFactory.CreateAsyncScope();
            await catalog.ReloadAsync(scope.ServiceProvider.GetRequiredService<RtaDbContext>(), cancellationToken);
            return true;
        }
        finally
        {
            _reload.Release();
        }
    }
}
