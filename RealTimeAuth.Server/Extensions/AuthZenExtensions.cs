using Microsoft.Extensions.DependencyInjection.Extensions;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.AuthZen;

namespace RealTimeAuth.Server.Extensions;

public static class AuthZenExtensions
{
    /// <summary>
    /// The policy decision point: the <see cref="ActivePolicy"/> loaded at start from the stored active version (seeded
    /// from <c>Policies:File</c> and <c>Policies:DirectoryFile</c> into an empty store), the live channel's decider (scopes and policy; scopes only when no policy
    /// file is configured) and the AuthZEN API with PEP keys from <c>AuthZen:ApiKeys</c>. Call after <c>AddLiveChannel</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAuthZen(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<PolicyOptions>(builder.Configuration, PolicyOptions.SectionName);
        services.AddOptions<AuthZenOptions>().Bind(builder.Configuration.GetSection(AuthZenOptions.SectionName));
        services.TryAddSingleton<ActivePolicy>();
        services.AddHostedService<ActivePolicyLoader>();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationDecider, PolicyAuthorizationDecider>());
        services.AddSingleton<AuthZenEvaluator>();
        services.AddSingleton<PageTokenProtector>();
        services.AddProblemDetails();
        builder.AddAuthZenTokens();
        return builder;
    }

    /// <summary>PEP access tokens (client credentials) from <c>AuthZen:Authority</c> for <c>AuthZen:Audience</c>, when configured.</summary>
    private static void AddAuthZenTokens(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthZenOptions.SectionName).Get<AuthZenOptions>() ?? new AuthZenOptions();
        if (string.IsNullOrEmpty(options.Authority))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.Audience))
        {
            throw new InvalidOperationException("'AuthZen:Authority' is set without 'AuthZen:Audience'. Set the audience PEP access tokens must carry.");
        }

        builder.Services.AddAuthentication().AddJwtBearer(AuthZenOptions.TokenScheme, bearer =>
        {
            bearer.Authority = options.Authority;
            bearer.Audience = options.Audience;
            bearer.MapInboundClaims = false;
            // Plain-HTTP metadata only for a local development IdP, never elsewhere.
            bearer.RequireHttpsMetadata = options.RequireHttpsMetadata || !builder.Environment.IsDevelopment();
            bearer.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
        });
    }

    /// <summary>Maps <c>/access/v1/*</c> and <c>/.well-known/authzen-configuration</c>.</summary>
    public static WebApplication MapAuthZen(this WebApplication app)
    {
        app.MapAuthZenApi();
        return app;
    }
}
