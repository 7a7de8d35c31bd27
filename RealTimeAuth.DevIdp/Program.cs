using RealTimeAuth.DevIdp.Account;
using RealTimeAuth.DevIdp.Connect;
using RealTimeAuth.DevIdp.Extensions;
using RealTimeAuth.DevIdp.SharedSignals;
using RealTimeAuth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddSharedSignalsTransmitter();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapAccountApi();
app.MapConnectApi();
app.MapSharedSignalsTransmitter();

app.Run();

/// <summary>The development IdP's entry point; public so tests can host it.</summary>
public partial class Program;
