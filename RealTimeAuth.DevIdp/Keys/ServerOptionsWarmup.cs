using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace RealTimeAuth.DevIdp.Keys;

/// <summary>
/// Builds OpenIddict's server options at start, which loads or generates the keys and runs
/// OpenIddict's own checks, so a bad key path fails the start rather than the first request.
/// </summary>
internal sealed class ServerOptionsWarmup(IOptionsMonitor<OpenIddictServerOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = options.CurrentValue;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
