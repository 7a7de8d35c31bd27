using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RealTimeAuth.Server.Tests.Infrastructure;

/// <summary>A production host environment: no development relaxation (plain-HTTP metadata) applies.</summary>
internal sealed class ProductionEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
