using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Admin;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Identity;
using RealTimeAuth.AgentSimulator.Load;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Attacks;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Telemetry;

namespace RealTimeAuth.AgentSimulator.Extensions;

/// <summary>The simulator's services: options validated at start, sign-in, the SDK, the admin API client, scenarios, load and the run at start.</summary>
public static class SimulatorServiceExtensions
{
    public static IHostApplicationBuilder AddSimulatorServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>().Bind(builder.Configuration.GetSection(SimulatorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddOptions<LoadOptions>().Bind(builder.Configuration.GetSection(LoadOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoadOptions>, LoadOptionsValidator>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SimulatorTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(new SummaryConsole(Console.Out));
        services.AddSingleton<ResolvedAddresses>();

        services.AddSingleton<IdentityProviderSignIn>();
        services.AddSingleton<PortalSignIn>();
        services.AddSingleton<AdminTokenSource>();
        services.AddHttpClient(AdminApiClient.HttpClientName, (provider, http) =>
            http.BaseAddress = new Uri(provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.ServerAddress.TrimEnd('/') + "/"));
        services.AddSingleton<IAdminApi, AdminApiClient>();
        services.AddSingleton<IPolicyAdminApi, PolicyAdminClient>();

        services.AddSingleton<RtaClientProvider>();
        services.AddSingleton<AgentTeamBuilder>();

        services.AddHttpClient(DevIdpEvents.HttpClientName);
        services.AddSingleton<DevIdpEvents>();
        services.AddSingleton<IScenarioTrigger, SteadyWorkTrigger>();
        services.AddSingleton<IScenarioTrigger, CompromisedAgentTrigger>();
        services.AddSingleton<IScenarioTrigger, UserDisabledTrigger>();
        services.AddSingleton<IScenarioTrigger, RiskRisesTrigger>();
        services.AddSingleton<IScenarioTrigger, PolicyTightenedTrigger>();
        services.AddSingleton<IScenarioTrigger, StolenTokenTrigger>();
        services.AddSingleton<ProofTap>();
        services.AddSingleton<ScenarioCatalog>();
        services.AddSingleton<ScenarioRunner>();
        services.AddSingleton<LoadRunner>();
        services.AddSingleton<RunGate>();

        services.AddHostedService<SimulatorStartupService>();
        return builder;
    }
}
