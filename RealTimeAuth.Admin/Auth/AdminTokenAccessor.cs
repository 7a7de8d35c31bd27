using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RealTimeAuth.Admin.Auth;

/// <summary>
/// The admin's access token for the server's admin API, per circuit. It starts from the tokens saved in the
/// cookie session (read through the circuit's own HTTP context, as the hub connection carries the cookie) and
/// refreshes with the refresh token when the access token is about to expire, keeping the result for the
/// circuit. Tokens are never logged.
/// </summary>
public sealed partial class AdminTokenAccessor(
    IHttpContextAccessor httpContextAccessor,
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    TimeProvider timeProvider,
    ILogger<AdminTokenAccessor> logger)
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AdminTokens? _tokens;

    /// <summary>Tokens given directly (tests, or a host that reads them elsewhere).</summary>
    public void Set(AdminTokens tokens) => _tokens = tokens;

    /// <summary>The current access token, refreshed if needed; null when the admin must sign in again.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _tokens ??= await ReadSessionAsync();
            if (_tokens is null)
            {
                return null;
            }

            if (_tokens.ExpiresAt <= timeProvider.GetUtcNow() + RefreshBefore && _tokens.RefreshToken is not null)
            {
                _tokens = await RefreshAsync(_tokens.RefreshToken, cancellationToken) ?? _tokens;
            }

            return _tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the tokens after the server refused them, so the next call re-reads or refreshes.</summary>
    public void Invalidate()
    {
        if (_tokens is { } tokens)
        {
            _tokens = tokens with { ExpiresAt = DateTimeOffset.MinValue };
        }
    }

    private async Task<AdminTokens?> ReadSessionAsync()
    {
        if (httpContextAccessor.HttpContext is not { } context)
        {
            return null;
        }

        var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Properties.GetTokenValue("access_token") is not { } accessToken)
        {
            return null;
        }

        var expiresAt = DateTimeOffset.TryParse(result.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var parsed) ? parsed : DateTimeOffset.MinValue;
        return new AdminTokens(accessToken, result.Properties.GetTokenValue("refresh_token"), expiresAt);
    }

    private async Task<AdminTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = OpenIdConnectGrantTypes.RefreshToken,
                    ["refresh_token"] = refreshToken,
                    ["client_id"] = options.ClientId!,
                    ["client_secret"] = options.ClientSecret!,
                }),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused(logger, (int)response.StatusCode);
                return null;
            }

            var message = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(cancellationToken));
            var lifetime = int.TryParse(message.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300;
            return new AdminTokens(message.AccessToken, message.RefreshToken ?? refreshToken, timeProvider.GetUtcNow().AddSeconds(lifetime));
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
        {
            LogRefreshFailed(logger, exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Refreshing the admin's access token was refused ({Status}); the admin must sign in again")]
    private static partial void LogRefreshRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Refreshing the admin's access token failed ({Error})")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
