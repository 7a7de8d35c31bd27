using RealTimeAuth.Server.Admin;
using RealTimeAuth.Server.Admin.Monitoring;
using RealTimeAuth.Server.Extensions;
using RealTimeAuth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTokenExchange();
app.MapSessionAdminApi();
app.MapAdminMonitoringApi();
app.MapSharedSignals();
app.MapLiveChannel();
app.MapAuthZen();
app.MapPolicyStore();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in functional tests.</summary>
public partial class Program;
