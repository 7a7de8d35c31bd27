using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RealTimeAuth.Admin.Auth;

namespace RealTimeAuth.Admin.Tests.Auth;

public sealed class AdminTokenAccessorTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-28T20:00:00Z"));
    private readonly List<string> _refreshRequests = [];
    private HttpStatusCode _tokenEndpointStatus = HttpStatusCode.OK;

    [Fact]
    public async Task AccessToken_FarFromExpiry_UsedWithoutRefresh()
    {
        var accessor = Create();
        accessor.Set(new AdminTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(10)));

        Assert.Equal("access-1", await accessor.GetAccessTokenAsync(CancellationToken.None));
        Assert.Empty(_refreshRequests);
    }

    [Fact]
    public async Task AccessToken_AboutToExpire_RefreshedWithTheRefreshTokenAndKept()
    {
        var accessor = Create();
        accessor.Set(new AdminTokens("access-1", "refresh-1", _time.GetUtcNow().AddSeconds(10)));

        var first = await accessor.GetAccessTokenAsync(CancellationToken.None);
        var second = await accessor.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("access-2", first);
        Assert.Equal("access-2", second);
        var request = Assert.Single(_refreshRequests);
        Assert.Contains("grant_type=refresh_token", request, StringComparison.Ordinal);
        Assert.Contains("refresh_token=refresh-1", request, StringComparison.Ordinal);
        Assert.Contains("client_id=admin-console", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerRefusedToken_Invalidate_RefreshesOnTheNextCall()
    {
        var accessor = Create();
        accessor.Set(new AdminTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(10)));

        accessor.Invalidate();

        Assert.Equal("access-2", await accessor.GetAccessTokenAsync(CancellationToken.None));
        Assert.Single(_refreshRequests);
    }

    [Fact]
    public async Task Refresh_RefusedByTheIdp_KeepsOldTokenSoTheServerAnswers401()
    {
        _tokenEndpointStatus = HttpStatusCode.BadRequest;
        var accessor = Create();
        accessor.Set(new AdminTokens("access-1", "refresh-1", _time.GetUtcNow().AddSeconds(-5)));

        Assert.Equal("access-1", await accessor.GetAccessTokenAsync(CancellationToken.None));
        Assert.Single(_refreshRequests);
    }

    [Fact]
    public async Task NoSession_NoToken()
    {
        var accessor = Create();

        Assert.Null(await accessor.GetAccessTokenAsync(CancellationToken.None));
    }

    private AdminTokenAccessor Create()
    {
        var options = new OpenIdConnectOptions
        {
            ClientId = "admin-console",
            ClientSecret = "console-secret",
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { TokenEndpoint = "http://idp.test/connect/token" }),
            Backchannel = new HttpClient(new TokenEndpoint(this)),
        };
        return new AdminTokenAccessor(new HttpContextAccessor(), new FixedOptions(options), _time, NullLogger<AdminTokenAccessor>.Instance);
    }

    private sealed class FixedOptions(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;

        public OpenIdConnectOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }

    private sealed class TokenEndpoint(AdminTokenAccessorTests test) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._refreshRequests.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            var body = test._tokenEndpointStatus == HttpStatusCode.OK
                ? """{"access_token":"access-2","refresh_token":"refresh-2","expires_in":900,"token_type":"Bearer"}"""
                : """{"error":"invalid_grant"}""";
            return new HttpResponseMessage(test._tokenEndpointStatus) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
