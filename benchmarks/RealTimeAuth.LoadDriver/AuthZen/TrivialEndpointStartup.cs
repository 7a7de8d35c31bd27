using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.LoadDriver.AuthZen;

[assembly: HostingStartup(typeof(TrivialEndpointStartup))]

namespace RealTimeAuth.LoadDriver.AuthZen;

/// <summary>
/// Adds <see cref="TrivialEndpointFilter.Path"/> to the server the driver hosts, and only there: the driver's <c>serve</c>
/// child names this assembly in <c>hostingStartupAssemblies</c> for the <c>authzen</c> command. Production never loads it.
/// </summary>
internal sealed class TrivialEndpointStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TrivialEndpointFilter>());
}
