using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class RestartTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rta-devidp-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RefreshToken_IssuedBeforeRestart_IsRedeemedAfterRestart()
    {
        using var timeout = TestTimeout.Start();
        string refreshToken;
        using (var before = CreateFactory())
        using (var client = before.CreateBrowserlessClient())
        {
            var tokens = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);
            refreshToken = tokens.RefreshToken!;
        }

        using var after = CreateFactory();
        using var restarted = after.CreateClient();
        using var response = await restarted.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "portal",
        }), timeout.Token);
        var refreshed = await TokenResponse.ReadAsync(response, timeout.Token);

        Assert.Null(refreshed.Error);
        Assert.NotNull(refreshed.AccessToken);
    }

    [Fact]
    public async Task ClientSecret_AfterRestartOnSameStore_StillAuthenticates()
    {
        using var timeout = TestTimeout.Start();
        using (var first = CreateFactory())
        {
            first.CreateClient().Dispose();
        }

        using var second = CreateFactory();
        using var client = second.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "agent",
            ["client_secret"] = DemoAccounts.AgentSecret,
            ["scope"] = "rta",
        }), timeout.Token);
        var tokens = await TokenResponse.ReadAsync(response, timeout.Token);

        Assert.Null(tokens.Error);
        Assert.NotNull(tokens.AccessToken);
    }

    public void Dispose()
    {
        DevIdpStore.ClearPool(Path.Combine(_root, "devidp.db"));
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private DevIdpFactory CreateFactory() =>
        new(Path.Combine(_root, "keys"), Path.Combine(_root, "devidp.db"));
}
