using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class HealthTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_WithRealPostgresAndRedis_ReportsEachHealthy()
    {
        await using var factory = await ServerFactory.CreateAsync(infrastructure, "health");
        using var client = factory.CreateClient();
        await WaitForMigrationsAsync(factory);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).WaitAsync(Timeout);
        var entries = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("entries");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", entries.GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("migrations").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Startup_OnEmptyDatabase_AppliesEveryMigration()
    {
        await using var factory = await ServerFactory.CreateAsync(infrastructure, "migrations");
        using var client = factory.CreateClient();
        await WaitForMigrationsAsync(factory);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Health_WhenRedisIsUnreachable_ReportsRedisUnhealthy()
    {
        var database = await infrastructure.CreateDatabaseAsync("redis_down");
        await using var factory = new ServerFactory(database, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        using var client = factory.CreateClient();
        await WaitForMigrationsAsync(factory);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).WaitAsync(Timeout);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", report.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("entries").GetProperty("postgresql").GetProperty("status").GetString());
    }

    private static Task WaitForMigrationsAsync(ServerFactory factory) =>
        factory.Services.GetRequiredService<DatabaseMigrationState>().Completion.WaitAsync(Timeout);
}
