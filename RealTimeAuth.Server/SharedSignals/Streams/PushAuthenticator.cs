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
        if (!streams.IsEmpty)
        {
            return streams;
        }

        // Checked again whether or not this call re-read: a reload that finished while it waited may hold the secret.
        await ReloadAfterMissAsync(cancellationToken);
        return catalog.AuthenticatePush(authorization);
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>Re-reads the streams unless a reload started after this miss arrived or less than an interval ago.</summary>
    private async Task ReloadAfterMissAsync(CancellationToken cancellationToken)
    {
        var arrived = timeProvider.GetTimestamp();
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var recent = _lastReload != long.MinValue
                && (_lastReload >= arrived || timeProvider.GetElapsedTime(_lastReload) < MissReloadInterval);
            if (recent)
            {
                return;
            }

            _lastReload = timeProvider.GetTimestamp();
            await using var scope = scopeFactory.CreateAsyncScope();
            await catalog.ReloadAsync(scope.ServiceProvider.GetRequiredService<RtaDbContext>(), cancellationToken);
        }
        finally
        {
            _reload.Release();
        }
    }
}
