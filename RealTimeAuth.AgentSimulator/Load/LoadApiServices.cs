using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Scenarios;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>What <c>POST /load</c> needs.</summary>
internal sealed record LoadApiServices(LoadRunner Runner, RunGate Gate, IOptions<LoadOptions> Options);
