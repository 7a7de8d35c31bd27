using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Tests.Api;

/// <summary>The simulator's HTTP surface in memory, for the answers that need neither IdP nor server.</summary>
[Trait("Tier", "Functional")]
public sealed class SimulatorApiTests : IClassFixture<SimulatorApiTests.IdleSimulator>
{
    private readonly HttpClient _client;

    public SimulatorApiTests(IdleSimulator simulator) => _client = simulator.CreateClient();

    [Fact]
    public async Task ListScenarios_Always_NamesEachAsAvailable()
    {
        var scenarios = await _client.GetFromJsonAsync<JsonElement[]>(new Uri("/scenarios", UriKind.Relative)).WaitAsync(TestTimeouts.Default);

        Assert.Equal(["steady", "compromised-agent", "user-disabled", "risk-rises", "policy-tightened", "stolen-token"], scenarios!.Select(scenario => scenario.GetProperty("name").GetString()));
        Assert.All(scenarios!, scenario => Assert.True(scenario.GetProperty("available").GetBoolean()));
    }

    [Fact]
    public async Task RunScenario_UnknownName_Is404Problem()
    {
        using var response = await _client.PostAsync(new Uri("/scenarios/chaos", UriKind.Relative), null).WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RunLoad_ZeroAgents_Is400ValidationProblemSayingTheBounds()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/load", UriKind.Relative), new { agents = 0 }).WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var failure = Assert.Single(problem.GetProperty("errors").GetProperty("Simulator:Load").EnumerateArray());
        Assert.StartsWith("Simulator:Load:Agents must be between 1 and 10000", failure.GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Development settings, nothing run at start, and a co-pilot secret as the app host would pass it. Named by a type of
    /// the simulator's assembly rather than its <c>Program</c>, which this project also sees in the app host's.
    /// </summary>
    public sealed class IdleSimulator : WebApplicationFactory<SimulatorOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Simulator:Mode", "Idle");
            builder.UseSetting("Simulator:CoPilot:ClientSecret", "a-secret-the-app-host-would-generate");
        }
    }
}
