using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RealTimeAuth.AppHost.Tests;

[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AppHostHealthTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void AppHost_StartedWithoutContainers_EveryResourceIsHealthy()
    {
        var notifications = fixture.App.ResourceNotifications;
        foreach (var name in AppHostFixture.InfrastructureResources.Concat(AppHostFixture.ServiceResources))
        {
            Assert.True(notifications.TryGetCurrentState(name, out var resourceEvent), $"{name} is unknown");
            Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
            Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State?.Text);
        }
    }

    [Fact]
    public async Task ServerHealth_WithLocalInfrastructure_ReportsPostgresAndRedisHealthy()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Server);
        using var timeout = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var entries = report.GetProperty("entries");
        Assert.Equal("Healthy", entries.GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("migrations").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(ResourceNames.Admin)]
    [InlineData(ResourceNames.DevIdp)]
    [InlineData(ResourceNames.Simulator)]
    public async Task ServiceAlive_AfterStart_Answers200(string resource)
    {
        using var client = fixture.App.CreateHttpClient(resource);
        using var timeout = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
