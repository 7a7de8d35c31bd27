using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RealTimeAuth.ServiceDefaults;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Infrastructure;

/// <summary>The real server on its own fresh PostgreSQL database and the shared real Redis.</summary>
public sealed class ServerFactory(string databaseConnectionString, string redisConnectionString)
    : WebApplicationFactory<Program>
{
    public static async Task<ServerFactory> CreateAsync(InfrastructureFixture infrastructure, string name) =>
        new(await infrastructure.CreateDatabaseAsync(name), infrastructure.RedisConnectionString);

    /// <summary>The secret of the registered exchange client <c>copilot</c> in this server.</summary>
    public string CopilotSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The secret of the registered exchange client <c>agent</c> in this server.</summary>
    public string AgentSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Database}", databaseConnectionString);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", redisConnectionString);
        builder.UseSetting("SigningKeys:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Exchange:Clients:copilot:Secret", CopilotSecret);
        builder.UseSetting("Exchange:Clients:agent:Secret", AgentSecret);
    }
}
