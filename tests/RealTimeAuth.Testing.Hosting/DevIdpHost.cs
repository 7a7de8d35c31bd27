using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.DevIdp.Options;
using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// The dev IdP on real Kestrel at <c>http://127.0.0.1:PORT/</c>, in Development, with its own SQLite
/// file and key directory under a fresh temporary folder. <see cref="DevIdpOptions"/> only names the
/// assembly: both the IdP and the server have a global <c>Program</c>.
/// </summary>
public sealed class DevIdpHost : WebApplicationFactory<DevIdpOptions>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rta-integration-devidp", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyList<string> _adminRedirectUris;

    /// <param name="adminRedirectUris">More admin console base addresses (a console hosted by a test on its own port).</param>
    public DevIdpHost(IReadOnlyList<string>? adminRedirectUris = null)
    {
        _adminRedirectUris = adminRedirectUris ?? [];
        Port = FreePort.Pick();
        UseKestrel();
    }

    public int Port { get; }

    /// <summary>The issuer, exactly as it appears in <c>iss</c> and discovery.</summary>
    public string Issuer => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    public string KeyDirectory => Path.Combine(_root, "keys");

    /// <summary>The IdP's SQLite file (its Shared Signals outbox is there too).</summary>
    public string DatabasePath => Path.Combine(_root, "devidp.db");

    /// <summary>The generated RSA signing key the IdP persists in its key directory.</summary>
    public string SigningKeyPath => Path.Combine(KeyDirectory, "signing-rsa.pem");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Kestrel:Endpoints:Http:Url", Issuer.TrimEnd('/'));
        builder.UseSetting("DevIdp:Issuer", Issuer);
        builder.UseSetting("DevIdp:DatabasePath", DatabasePath);
        builder.UseSetting("DevIdp:KeyDirectory", KeyDirectory);
        builder.UseSetting("DevIdp:AdminRedirectUris:0", DemoAccounts.AdminConsoleBaseAddress);
        for (var index = 0; index < _adminRedirectUris.Count; index++)
        {
            builder.UseSetting($"DevIdp:AdminRedirectUris:{(index + 1).ToString(CultureInfo.InvariantCulture)}", _adminRedirectUris[index]);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DevIdpStore.ClearPool(DatabasePath);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
