using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Admin.BrowserTests;

/// <summary>
/// The admin console on real Kestrel at <c>http://localhost:PORT</c> (not 127.0.0.1, where the dev IdP runs, so the
/// two sites keep their cookies apart), signing in at the given authority and calling the given server.
/// </summary>
public sealed class AdminConsoleHost : WebApplicationFactory<ConsoleAssembly>
{
    private readonly string _authority;
    private readonly Uri _server;

    public AdminConsoleHost(string authority, Uri server, int port)
    {
        _authority = authority;
        _server = server;
        Port = port;
        UseKestrel();
    }

    public int Port { get; }

    public static int PickPort() => FreePort.Pick();

    public static string BaseAddressOf(int port) => $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}";

    public string BaseAddress => BaseAddressOf(Port);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Kestrel:Endpoints:Http:Url", BaseAddress);
        builder.UseSetting("Admin:Authority", _authority);
        builder.UseSetting("Admin:ClientSecret", Testing.Hosting.DemoAccounts.AdminConsoleSecret);
        builder.UseSetting("Admin:ServerAddress", _server.ToString());
        builder.UseSetting("Admin:RequireHttpsMetadata", "false");
    }
}
