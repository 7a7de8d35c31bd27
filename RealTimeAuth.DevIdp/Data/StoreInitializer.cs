using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using RealTimeAuth.DevIdp.Diagnostics;
using RealTimeAuth.DevIdp.Options;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>
/// Before the IdP takes requests: applies migrations to its SQLite file, then makes the stored
/// scopes and clients match configuration (adds, updates, and removes clients no longer configured).
/// </summary>
internal sealed class StoreInitializer(
    IServiceScopeFactory scopeFactory,
    IOptions<DevIdpOptions> options,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        CreateDatabaseDirectory(settings.DatabasePath);

        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;

        await services.GetRequiredService<DevIdpDbContext>().Database.MigrateAsync(cancellationToken);
        await SyncScopesAsync(services.GetRequiredService<IOpenIddictScopeManager>(), cancellationToken);
        await SyncClientsAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), settings, cancellationToken);

        DevIdpLog.StoreSeeded(logger, settings.DatabasePath, settings.Clients.Count, DevIdpScopes.WithResources.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void CreateDatabaseDirectory(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task SyncScopesAsync(IOpenIddictScopeManager manager, CancellationToken cancellationToken)
    {
        foreach (var (name, displayName, resources) in DevIdpScopes.WithResources)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = displayName };
            descriptor.Resources.UnionWith(resources);

            var existing = await manager.FindByNameAsync(name, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    private static async Task SyncClientsAsync(
        IOpenIddictApplicationManager manager, DevIdpOptions settings, CancellationToken cancellationToken)
    {
        foreach (var (clientId, client) in settings.Clients)
        {
            var descriptor = ClientDescriptorFactory.Create(clientId, client, settings.AdminRedirectUris);
            var existing = await manager.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }

        var stale = new List<object>();
        await foreach (var application in manager.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await manager.GetClientIdAsync(application, cancellationToken);
            if (clientId is null || !settings.Clients.ContainsKey(clientId))
            {
                stale.Add(application);
            }
        }

        foreach (var application in stale)
        {
            await manager.DeleteAsync(application, cancellationToken);
        }
    }
}
