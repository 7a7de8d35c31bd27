using RealTimeAuth.AgentSimulator.Extensions;
using RealTimeAuth.AgentSimulator.Load;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSimulatorServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapScenarioApi();
app.MapLoadApi();

app.Run();
