using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// One dev IdP on real Kestrel, answering discovery once <see cref="StartAsync"/> returns, with headless sign-ins
/// for users and admins. It needs neither PostgreSQL nor Redis, so every server of a run can trust this one issuer.
/// </summary>
public class DevIdentityProvider : IAsyncDisposable
{
    private DevIdpHost? _host;

    public DevIdpHost Host => _host ?? throw new InvalidOperationException("The dev IdP has not started.");

    public string Issuer => Host.Issuer;

    /// <summary>Admin console base addresses to register besides the default, set before <see cref="StartAsync"/>.</summary>
    public List<string> AdminRedirectUris { get; } = [];

    /// <summary>Starts the IdP on a free loopback port and waits until discovery answers.</summary>
    public async Task StartAsync()
    {
        _host = await LoopbackPort.StartWithRetryAsync(
            () => new DevIdpHost(AdminRedirectUris),
            async host =>
            {
                await Task.Run(host.StartServer).WaitAsync(HostingTimeouts.Startup);
                await WaitForDiscoveryAsync(host);
            });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A user's access token through the portal (public client, code + PKCE).</summary>
    public Task<string> UserAccessTokenAsync(CancellationToken cancellationToken, string email = DemoAccounts.RickEmail, string scope = "openid rta") =>
        SignInAsync(new CodeFlowRequest(DemoAccounts.PortalClientId, DemoAccounts.PortalRedirectUri, scope, email, DemoAccounts.Password), cancellationToken);

    /// <summary>An admin's access token for the admin API (aud <c>rta-admin-api</c>, role <c>rta-admin</c>) through the admin console client.</summary>
    public Task<string> AdminAccessTokenAsync(CancellationToken cancellationToken, string email = DemoAccounts.AdminEmail) =>
        SignInAsync(
            new CodeFlowRequest(
                DemoAccounts.AdminConsoleClientId, DemoAccounts.AdminConsoleRedirectUri, "openid rta.admin", email, DemoAccounts.Password,
                DemoAccounts.AdminConsoleSecret),
            cancellationToken);

    /// <summary>The IdP's own signing key with its published <c>kid</c>, to mint tokens the IdP would not issue (an expired one).</summary>
    public RsaSecurityKey LoadSigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Host.SigningKeyPath));
        var key = new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory() };
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private async Task<string> SignInAsync(CodeFlowRequest request, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(Issuer) };
        var tokens = await new HeadlessCodeFlow(client).SignInAsync(request, cancellationToken);
        return tokens.AccessToken
            ?? throw new InvalidOperationException($"Sign-in of {request.Username} through {request.ClientId} failed: {tokens.Error} ({tokens.Status}).");
    }

    private static async Task WaitForDiscoveryAsync(DevIdpHost host)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Issuer) };
        using var deadline = new CancellationTokenSource(HostingTimeouts.Startup);
        using var response = await client.GetAsync(".well-known/openid-configuration", deadline.Token);
        response.EnsureSuccessStatusCode();
    }
}
