using Microsoft.Extensions.Configuration;

using RealTimeAuth.AppHost.Infrastructure;
using RealTimeAuth.AppHost.Wiring;
using RealTimeAuth.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddInfrastructure();
var secrets = builder.AddGeneratedSecrets();

var devIdp = builder.AddProject<Projects.RealTimeAuth_DevIdp>(ResourceNames.DevIdp)
    .WithDevIdpWiring(secrets)
    .WithHttpHealthCheck("/health");

var server = builder.AddProject<Projects.RealTimeAuth_Server>(ResourceNames.Server)
    .WithReplicas(builder.Configuration.GetValue("Server:Replicas", 1))
    .WithInfrastructure(infrastructure)
    .WithGrpcEndpoint()
    .WithServerSecrets(secrets)
    .WithPolicySeed()
    .WithTrustedIssuer(devIdp, audience: "rta-server")
    .WithAdminAuthority(devIdp)
    .WithSharedSignals(devIdp, secrets.RtaServerClient)
    .WithHttpHealthCheck("/health");

var admin = builder.AddProject<Projects.RealTimeAuth_Admin>(ResourceNames.Admin)
    .WithReference(server)
    .WaitFor(server)
    .WithAdminConsoleWiring(devIdp, secrets.AdminConsoleClient)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.RealTimeAuth_AgentSimulator>(ResourceNames.Simulator)
    .WithReference(server)
    .WaitFor(server)
    .WithReference(devIdp)
    .WaitFor(devIdp)
    .WithSimulatorWiring(secrets, admin)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
