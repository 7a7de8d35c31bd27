using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RealTimeAuth.DevIdp.Data;

namespace RealTimeAuth.DevIdp.Tests;

/// <summary>
/// Hosts the dev IdP on TestServer in the Development environment with its own SQLite file and,
/// unless one is given, its own key directory, both under a fresh temporary folder.
/// </summary>
public sealed class DevIdpFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rta-devidp-tests", Guid.NewGuid().ToString("N"));

    public DevIdpFactory()
        : this(keyDirectory: null)
    {
    }

    internal DevIdpFactory(string? keyDirectory, string? databasePath = null)
    {
        KeyDirectory = keyDirectory ?? Path.Combine(_root, "keys");
        DatabasePath = databasePath ?? Path.Combine(_root, "devidp.db");
    }

    /// <summary>Where this instance keeps (or finds) its generated keys.</summary>
    public string KeyDirectory { get; }

    /// <summary>This instance's SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>A client that keeps cookies and does not follow redirects, as a headless login needs.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DevIdp:DatabasePath", DatabasePath);
        builder.UseSetting("DevIdp:KeyDirectory", KeyDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DevIdpStore.ClearPool(DatabasePath);
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }
}
