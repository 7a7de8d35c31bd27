using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class KeyPersistenceTests : IDisposable
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "rta-devidp-tests", Guid.NewGuid().ToString("N"), "keys");

    [Fact]
    public async Task Keys_TwoInstancesSameDirectory_PublishSameKid()
    {
        using var timeout = TestTimeout.Start();

        var first = await KidAsync(timeout.Token);
        var second = await KidAsync(timeout.Token);

        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal(first, second);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Keys_Generated_AreReadableByOwnerOnly()
    {
        using var timeout = TestTimeout.Start();

        await KidAsync(timeout.Token);

        var files = Directory.GetFiles(_keyDirectory);
        Assert.Equal(2, files.Length);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(_keyDirectory));
    }

    [Fact]
    public void Keys_ConfiguredSigningKeyMissing_FailsStart()
    {
        using var factory = new DevIdpFactory(_keyDirectory);
        using var broken = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("DevIdp:SigningKeyPath", Path.Combine(_keyDirectory, "missing.pem")));

        var failure = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("missing.pem", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_keyDirectory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<string?> KidAsync(CancellationToken cancellationToken)
    {
        using var factory = new DevIdpFactory(_keyDirectory);
        using var client = factory.CreateClient();
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks", cancellationToken);
        return jwks.GetProperty("keys")[0].GetProperty("kid").GetString();
    }
}
