using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>The OpenID AuthZEN Authorization API over the Authorization module's PDP, with PEP keys or PEP access tokens.</summary>
public static class AuthZenModule
{
    /// <summary>Options <c>AuthZen</c>, validated at start; PEP access tokens from <c>AuthZen:Authority</c> when set.</summary>
    public static IHostApplicationBuilder AddAuthZen(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthZenOptions>()
            .Bind(builder.Configuration.GetSection(AuthZenOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthZenOptions>, AuthZenOptionsValidator>();
        services.AddSingleton<AuthZenEvaluator>();
        services.AddSingleton<PageTokenProtector>();
        services.AddProblemDetails();
        builder.AddAuthZenTokens();
        return builder;
    }

    /// <summary>Maps <c>/access/v1/*</c> and <c>/.well-known/authzen-configuration</c>.</summary>
    public static IEndpointRouteBuilder MapAuthZenEndpoints(this IEndpointRouteBuilder app) => app.MapAuthZenApi();

    private static void AddAuthZenTokens(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthZenOptions.SectionName).Get<AuthZenOptions>() ?? new AuthZenOptions();
        if (string.IsNullOrEmpty(options.Authority))
        {
            return;
        }

        builder.Services.AddAuthentication().AddJwtBearer(AuthZenOptions.TokenScheme, bearer =>
        {
            bearer.Authority = options.Authority;
            bearer.Audience = options.Audience;
            bearer.MapInboundClaims = false;
            bearer.RequireHttpsMetadata = HttpsMetadata.IsRequired(options.RequireHttpsMetadata, builder.Environment);
            bearer.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
        });
    }
}
