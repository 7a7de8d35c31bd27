using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>What <c>POST /scenarios/{name}</c> needs.</summary>
internal sealed record ScenarioApiServices(ScenarioCatalog Catalog, ScenarioRunner Runner, RunGate Gate, IOptions<SimulatorOptions> Options);
