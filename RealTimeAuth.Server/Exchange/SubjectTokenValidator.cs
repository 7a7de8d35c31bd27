using System.Collections.Concurrent;
using System.Security.Claims;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Validates a user's IdP access token at a trusted issuer: signature against the issuer's JWKS,
/// or RFC 7662 introspection. An untrusted issuer, an inactive or expired token, or one for
/// another audience is invalid (RFC 8693 §2.2.2: <c>invalid_grant</c>).
/// </summary>
internal sealed partial class SubjectTokenValidator(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ExchangeOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<SubjectTokenValidator> logger)
{
    public const string HttpClientName = "trusted-issuers";
    private const int MaxTokenLength = 16 * 1024;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _metadata = new();
    private readonly ConcurrentDictionary<string, DiscoveryCache> _discovery = new();

    public async Task<SubjectTokenResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength)
        {
            return SubjectTokenResult.Invalid("The subject token is too large.");
        }

        if (FindIssuer(token) is not { } issuer)
        {
            return SubjectTokenResult.Invalid("The subject token is not from a trusted issuer.");
        }

        try
        {
            return issuer.Validation == SubjectTokenValidation.Introspection
                ? await IntrospectAsync(issuer, token, cancellationToken)
                : await ValidateJwtAsync(issuer, token);
        }
        catch (HttpRequestException exception)
        {
            LogIssuerUnreachable(logger, issuer.Issuer, exception.Message);
            return SubjectTokenResult.Unavailable("The subject token's issuer could not be reached.");
        }
    }

    private TrustedIssuerOptions? FindIssuer(string token)
    {
        var issuers = options.CurrentValue.TrustedIssuers;
        if (_handler.CanReadToken(token))
        {
            try
            {
                var issuer = new JsonWebToken(token).Issuer;
                return issuers.FirstOrDefault(trusted => SameIssuer(trusted.Issuer, issuer));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        // An opaque token names no issuer: only a single introspecting issuer can be asked.
        var introspecting = issuers.Where(trusted => trusted.Validation == SubjectTokenValidation.Introspection).ToList();
        return introspecting.Count == 1 ? introspecting[0] : null;
    }

    private async Task<SubjectTokenResult> ValidateJwtAsync(TrustedIssuerOptions issuer, string token)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = IssuerVariants(issuer.Issuer),
            ValidAudience = issuer.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            ValidTypes = ["at+jwt", "JWT"],
            ConfigurationManager = Metadata(issuer),
            LifetimeValidator = ValidateLifetime,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException)
            {
                LogRejected(logger, issuer.Issuer, "signature");
            }

            return result.Exception?.InnerException is HttpRequestException or InvalidOperationException
                ? SubjectTokenResult.Unavailable("The subject token's issuer metadata could not be read.")
                : SubjectTokenResult.Invalid(Describe(result.Exception));
        }

        var subject = result.ClaimsIdentity.FindFirst("sub")?.Value;
        return string.IsNullOrEmpty(subject)
            ? SubjectTokenResult.Invalid("The subject token has no subject.")
            : SubjectTokenResult.Valid(issuer.Issuer, subject, UserContextFactory.FromClaims(issuer.Issuer, subject, result.ClaimsIdentity.Claims),
                result.ClaimsIdentity.FindFirst("sid")?.Value);
    }

    private async Task<SubjectTokenResult> IntrospectAsync(TrustedIssuerOptions issuer, string token, CancellationToken cancellationToken)
    {
        var discovery = await Discovery(issuer).GetAsync();
        if (discovery.IsError || string.IsNullOrEmpty(discovery.IntrospectionEndpoint))
        {
            return SubjectTokenResult.Unavailable("The subject token's issuer metadata could not be read.");
        }

        using var http = httpClientFactory.CreateClient(HttpClientName);
        var response = await http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = discovery.IntrospectionEndpoint,
            ClientId = issuer.ClientId ?? string.Empty,
            ClientSecret = issuer.ClientSecret,
            Token = token,
            TokenTypeHint = "access_token",
        }, cancellationToken);
        if (response.IsError)
        {
            return SubjectTokenResult.Unavailable("The subject token's issuer could not introspect it.");
        }

        var claims = response.Claims.ToList();
        return CheckIntrospected(issuer, response.IsActive, claims);
    }

    private SubjectTokenResult CheckIntrospected(TrustedIssuerOptions issuer, bool active, List<Claim> claims)
    {
        string? Value(string type) => claims.FirstOrDefault(claim => claim.Type == type)?.Value;
        if (!active)
        {
            return SubjectTokenResult.Invalid("The subject token is not active.");
        }

        if (Value("iss") is { } iss && !SameIssuer(issuer.Issuer, iss))
        {
            return SubjectTokenResult.Invalid("The subject token is not from a trusted issuer.");
        }

        if (!claims.Any(claim => claim.Type == "aud" && claim.Value == issuer.Audience))
        {
            return SubjectTokenResult.Invalid("The subject token was issued for another audience.");
        }

        if (long.TryParse(Value("exp"), out var exp) && DateTimeOffset.FromUnixTimeSeconds(exp) + ClockSkew < timeProvider.GetUtcNow())
        {
            return SubjectTokenResult.Invalid("The subject token has expired.");
        }

        var subject = Value("sub");
        return string.IsNullOrEmpty(subject)
            ? SubjectTokenResult.Invalid("The subject token has no subject.")
            : SubjectTokenResult.Valid(issuer.Issuer, subject, UserContextFactory.FromClaims(issuer.Issuer, subject, claims), Value("sid"));
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp + ClockSkew >= now && (notBefore is not { } nbf || nbf - ClockSkew <= now);
    }

    /// <summary>
    /// Where the issuer's keys (JWT validation) or its introspection endpoint (opaque tokens) are, from the metadata
    /// this validator uses and caches; the reason instead when the metadata cannot be read.
    /// </summary>
    public async Task<(string? JwksUri, string? IntrospectionEndpoint, string? Error)> EndpointsAsync(TrustedIssuerOptions issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Validation == SubjectTokenValidation.Introspection)
        {
            var discovery = await Discovery(issuer).GetAsync();
            return discovery.IsError ? (null, null, discovery.Error) : (null, discovery.IntrospectionEndpoint, null);
        }

        try
        {
            var configuration = await Metadata(issuer).GetConfigurationAsync(cancellationToken);
            return (configuration.JwksUri, null, null);
        }
        catch (InvalidOperationException exception)
        {
            // The manager wraps every retrieval failure (unreachable, not JSON, HTTPS required) this way.
            return (null, null, exception.Message);
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Metadata(TrustedIssuerOptions issuer) =>
        _metadata.GetOrAdd(issuer.Issuer, _ => new ConfigurationManager<OpenIdConnectConfiguration>(
            MetadataAddress(issuer),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = RequireHttps(issuer) }));

    private DiscoveryCache Discovery(TrustedIssuerOptions issuer) =>
        _discovery.GetOrAdd(issuer.Issuer, _ => new DiscoveryCache(
            (issuer.MetadataAddress ?? issuer.Issuer).TrimEnd('/'),
            () => httpClientFactory.CreateClient(HttpClientName),
            new DiscoveryPolicy { RequireHttps = RequireHttps(issuer), AllowHttpOnLoopback = !RequireHttps(issuer) }));

    // Plain-HTTP metadata is a development convenience only; production always requires HTTPS.
    private bool RequireHttps(TrustedIssuerOptions issuer) => HttpsMetadata.IsRequired(issuer.RequireHttpsMetadata, environment);

    private static string MetadataAddress(TrustedIssuerOptions issuer) =>
        (issuer.MetadataAddress ?? issuer.Issuer).TrimEnd('/') + "/.well-known/openid-configuration";

    private static bool SameIssuer(string trusted, string presented) =>
        string.Equals(trusted.TrimEnd('/'), presented.TrimEnd('/'), StringComparison.Ordinal);

    private static string[] IssuerVariants(string issuer) => [issuer.TrimEnd('/'), issuer.TrimEnd('/') + "/"];

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The subject token has expired.",
        SecurityTokenInvalidLifetimeException => "The subject token has expired.",
        SecurityTokenInvalidAudienceException => "The subject token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The subject token is not from a trusted issuer.",
        SecurityTokenInvalidTypeException => "The subject token is not an access token.",
        _ => "The subject token is invalid.",
    };

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Issuer {Issuer} could not be reached: {Reason}")]
    private static partial void LogIssuerUnreachable(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Subject token from {Issuer} rejected: bad {Check}")]
    private static partial void LogRejected(ILogger logger, string issuer, string check);
}
