using Microsoft.Extensions.Configuration;

using RealTimeAuth.AppHost.Infrastructure;
using RealTimeAuth.AppHost.Wiring;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddInfrastructure();

// Wraps the server's private signing keys at rest; generated once and kept in user secrets.
var signingKeyEncryption = builder.AddGeneratedSecret("signing-key-encryption-key");

var copilotSecret = builder.AddGeneratedSecret("copilot-client-secret");
var agentSecret = builder.AddGeneratedSecret("agent-client-secret");
var adminConsoleSecret = builder.AddGeneratedSecret("admin-console-client-secret");

var server = builder.AddProject<Projects.RealTimeAuth_Server>("server")
    .WithReplicas(builder.Configuration.GetValue("Server:Replicas", 1))
    .WithInfrastructure(infrastructure)
    .WithGrpcEndpoint()
    .WithEnvironment("SigningKeys__EncryptionKey", signingKeyEncryption)
    .WithEnvironment("Exchange__Clients__copilot__Secret", copilotSecret)
    .WithEnvironment("Exchange__Clients__agent__Secret", agentSecret)
    // Seeds an empty policy store with the simulator's demo policy; afterwards PostgreSQL is the source of truth.
    .WithEnvironment("Policies__File", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "policies", "agents.policy.json")))
    .WithHttpHealthCheck("/health");

var admin = builder.AddProject<Projects.RealTimeAuth_Admin>("admin")
    .WithReference(server)
    .WaitFor(server)
    .WithHttpHealthCheck("/health");

var devIdp = builder.AddProject<Projects.RealTimeAuth_DevIdp>("devidp")
    .WithHttpHealthCheck("/health");
devIdp.WithEnvironment("DevIdp__Issuer", devIdp.GetEndpoint("http"))
    .WithEnvironment("DevIdp__AdminRedirectUris__0", admin.GetEndpoint("http"));
server.WithTrustedIssuer(devIdp, audience: "rta-server").WithAdminAuthority(devIdp)
    .WithSharedSignals(devIdp, builder.AddGeneratedSecret("rta-server-client-secret"));

builder.AddProject<Projects.RealTimeAuth_AgentSimulator>("agent-simulator")
    .WithReference(server)
    .WaitFor(server)
    .WithReference(devIdp)
    .WaitFor(devIdp)
    .WithSimulatorWiring(copilotSecret, admin)
    .WithEnvironment("Simulator__Admin__ClientSecret", adminConsoleSecret)
    .WithHttpHealthCheck("/health");

admin.WithAdminConsoleWiring(devIdp, adminConsoleSecret);

builder.Build().Run();
