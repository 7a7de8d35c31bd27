using Duende.IdentityModel.Client;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.Exchange.Validation;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Validates a user's IdP access token at a trusted issuer: signature against the issuer's JWKS, or RFC 7662
/// introspection. Each check is one rule of <c>Validation/</c>, cheapest first; a refused token carries the rule's
/// <see cref="ExchangeRejectionReasons"/> code and is answered <c>invalid_grant</c> (RFC 6749 §5.2: the grant is
/// invalid or expired), or <c>temporarily_unavailable</c> when its issuer could not be asked.
/// </summary>
internal sealed partial class SubjectTokenValidator(
    IssuerMetadata metadata,
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ExchangeOptions> options,
    TimeProvider timeProvider,
    ILogger<SubjectTokenValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<SubjectTokenResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (SubjectTokenSizeRule.Check(token) is { } tooLarge)
        {
            return tooLarge;
        }

        var (issuer, untrusted) = TrustedIssuerRule.Find(token, options.CurrentValue.TrustedIssuers);
        if (issuer is null)
        {
            return untrusted!;
        }

        try
        {
            return issuer.Validation == SubjectTokenValidation.Introspection
                ? await IntrospectAsync(issuer, token, cancellationToken)
                : await ValidateJwtAsync(issuer, token);
        }
        catch (HttpRequestException exception)
        {
            LogIssuerUnreachable(logger, issuer.Issuer, ExchangeRejectionReasons.IssuerUnreachable, exception.Message);
            return SubjectTokenResult.Unavailable(ExchangeRejectionReasons.IssuerUnreachable, "The subject token's issuer could not be reached.");
        }
    }

    private async Task<SubjectTokenResult> ValidateJwtAsync(TrustedIssuerOptions issuer, string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = TrustedIssuerRule.Variants(issuer.Issuer),
            ValidAudience = issuer.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = LifetimeRule.ClockSkew,
            ValidTypes = TokenTypeRule.ValidTypes(issuer),
            ConfigurationManager = metadata.Configuration(issuer),
            LifetimeValidator = (notBefore, expires, _, _) => LifetimeRule.IsCurrent(notBefore, expires, timeProvider.GetUtcNow().UtcDateTime),
        });
        if (!result.IsValid)
        {
            var refusal = result.Exception is SecurityTokenInvalidTypeException && TokenTypeRule.CheckGenericType(issuer, new JsonWebToken(token)) is { } generic
                ? generic
                : JwtFailureRule.Check(result.Exception);
            if (refusal.Reason == ExchangeRejectionReasons.BadSignature)
            {
                LogRejected(logger, issuer.Issuer, refusal.Reason);
            }

            return refusal;
        }

        var identity = result.ClaimsIdentity;
        return SubjectRule.Check(issuer, identity.FindFirst("sub")?.Value, identity.FindFirst("sid")?.Value, identity.Claims);
    }

    private async Task<SubjectTokenResult> IntrospectAsync(TrustedIssuerOptions issuer, string token, CancellationToken cancellationToken)
    {
        var discovery = await metadata.Discovery(issuer).GetAsync();
        if (discovery.IsError || string.IsNullOrEmpty(discovery.IntrospectionEndpoint))
        {
            return IssuerMetadata.Unreadable();
        }

        using var http = httpClientFactory.CreateClient(IssuerMetadata.HttpClientName);
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
            return SubjectTokenResult.Unavailable(ExchangeRejectionReasons.IntrospectionFailed, "The subject token's issuer could not introspect it.");
        }

        var claims = response.Claims.ToList();
        string? Value(string type) => claims.FirstOrDefault(claim => claim.Type == type)?.Value;
        return ActiveRule.Check(response.IsActive)
            ?? TrustedIssuerRule.CheckIntrospected(issuer, Value("iss"))
            ?? AudienceRule.CheckIntrospected(issuer, claims)
            ?? LifetimeRule.CheckIntrospected(Value("exp"), timeProvider.GetUtcNow())
            ?? SubjectRule.Check(issuer, Value("sub"), Value("sid"), claims);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Issuer {Issuer} could not be reached ({Reason}): {Error}")]
    private static partial void LogIssuerUnreachable(ILogger logger, string issuer, string reason, string error);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Subject token from {Issuer} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string issuer, string reason);
}
