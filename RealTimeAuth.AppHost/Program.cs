using Microsoft.Extensions.Configuration;

using RealTimeAuth.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddInfrastructure();

var server = builder.AddProject<Projects.RealTimeAuth_Server>("server")
    .WithReplicas(builder.Configuration.GetValue("Server:Replicas", 1))
    .WithInfrastructure(infrastructure)
    .WithHttpHealthCheck("/health");

var admin = builder.AddProject<Projects.RealTimeAuth_Admin>("admin")
    .WithReference(server)
    .WaitFor(server)
    .WithHttpHealthCheck("/health");

var devIdp = builder.AddProject<Projects.RealTimeAuth_DevIdp>("devidp")
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.RealTimeAuth_AgentSimulator>("agent-simulator")
    .WithReference(server)
    .WaitFor(server)
    .WithReference(devIdp)
    .WaitFor(devIdp)
    .WithHttpHealthCheck("/health");

admin.WithReference(devIdp);

builder.Build().Run();
