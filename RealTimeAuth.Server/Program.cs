using RealTimeAuth.Server.Admin;
using RealTimeAuth.Server.Authorization;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Extensions;
using RealTimeAuth.Server.Health;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDependencyOutages();
app.UseAuthentication();
app.UseAuthorization();
app.UseLimits();

app.MapDefaultEndpoints();
app.MapExchangeEndpoints();
app.MapSharedSignalsEndpoints();
app.MapAdminEndpoints();
app.MapAuthorizationEndpoints();
app.MapLiveEndpoints();
app.MapAuthZenEndpoints();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in functional tests.</summary>
public partial class Program;
