using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Server.Extensions;

internal static class ExchangeExtensions
{
    public static IHostApplicationBuilder AddTokenExchange(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExchangeOptions>()
            .Bind(builder.Configuration.GetSection(ExchangeOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExchangeOptions>, ExchangeOptionsValidator>();
        builder.Services.AddHttpClient(SubjectTokenValidator.HttpClientName);
        builder.Services.AddSingleton<ClientAuthenticator>();
        builder.Services.AddSingleton<SubjectTokenValidator>();
        builder.Services.AddSingleton<NonceStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTokenExchange(this IEndpointRouteBuilder app) =>
        app.MapTokenApi().MapAuthorizationServerMetadataApi();
}
