using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// Starts the real app host once for the test collection: local Redis and PostgreSQL
/// processes (no container runtime here), the server, admin, dev IdP and simulator.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public static readonly string[] ServiceResources = [ResourceNames.Server, ResourceNames.Admin, ResourceNames.DevIdp, ResourceNames.Simulator];

    public static readonly string[] InfrastructureResources = [ResourceNames.RedisServer, ResourceNames.Postgres];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app host has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RealTimeAuth_AppHost>(
            ["Infrastructure:Mode=LocalProcesses"], timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        // The simulator waits for a test to ask for a run, and runs are short: trigger after 2 s, end after 5 s.
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Simulator)
            .WithEnvironment("Simulator__Mode", "Idle")
            .WithEnvironment("Simulator__Run__ActionInterval", "00:00:00.200")
            .WithEnvironment("Simulator__Run__TriggerAfter", "00:00:02")
            .WithEnvironment("Simulator__Run__Duration", "00:00:05");

        // The server sets its Shared Signals stream up at the dev IdP at start, retrying until the IdP answers: retry often here.
        builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Server)
            .WithEnvironment("SharedSignals__TransmitterMaxBackoff", "00:00:01");

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in InfrastructureResources.Concat(ServiceResources))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await _app.DisposeAsync();
        }
    }
}
