using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Exchange;

/// <summary>The RFC 8693-shaped token exchange: clients, trusted issuers (options <c>Exchange</c>, validated at start), nonces.</summary>
public static class ExchangeModule
{
    public static IHostApplicationBuilder AddExchange(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExchangeOptions>()
            .Bind(builder.Configuration.GetSection(ExchangeOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExchangeOptions>, ExchangeOptionsValidator>();
        builder.Services.AddHttpClient(IssuerMetadata.HttpClientName);
        builder.Services.AddSingleton<ClientAuthenticator>();
        builder.Services.AddSingleton<IssuerMetadata>();
        builder.Services.AddSingleton<SubjectTokenValidator>();
        return builder;
    }

    /// <summary>Maps <c>POST /oauth/token</c>, the RFC 8414 metadata and <c>/admin/v1/trust/issuers</c>.</summary>
    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapTokenApi().MapAuthorizationServerMetadataApi().MapTrustedIssuerApi();
}
