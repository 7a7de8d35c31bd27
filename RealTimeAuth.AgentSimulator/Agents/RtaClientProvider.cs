using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios.Attacks;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// The one SDK client factory every simulated session shares (so their streams share a few HTTP/2 connections), created on
/// first use against the resolved server address with the co-pilot's client credentials.
/// </summary>
internal sealed class RtaClientProvider : IDisposable
{
    private readonly Lazy<RtaClientFactory> _factory;

    public RtaClientProvider(
        IOptions<SimulatorOptions> options,
        ResolvedAddresses addresses,
        ProofTap proofTap,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        IMeterFactory meterFactory)
    {
        _factory = new Lazy<RtaClientFactory>(() => new RtaClientFactory(
            new RtaClientOptions
            {
                ServerAddress = addresses.Server,
                ClientId = options.Value.CoPilot.ClientId,
                ClientSecret = options.Value.CoPilot.ClientSecret,
                AllowInsecureHttp = options.Value.AllowInsecureHttp,
                SessionKeys = proofTap,
                Agent = new RtaAgentIdentity { Id = "agent-simulator", Kind = "copilot", Software = AgentIdentities.Software },
            },
            createHttpHandler: null,
            loggerFactory,
            time,
            meterFactory));
    }

    public IRtaClientFactory Factory => _factory.Value;

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
