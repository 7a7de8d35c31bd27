using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using RealTimeAuth.DevIdp.Account;
using RealTimeAuth.DevIdp.Connect;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.DevIdp.Keys;
using RealTimeAuth.DevIdp.Options;
using RealTimeAuth.DevIdp.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Extensions;

/// <summary>Registers the development IdP: options, store, OpenIddict, sign-in and demo users.</summary>
public static class ApplicationServicesExtensions
{
    private const string CookieName = ".RealTimeAuth.DevIdp";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        AddOptions(builder);
        AddStore(builder.Services);
        AddOpenIddict(builder);
        AddSignIn(builder.Services);

        builder.Services.AddSingleton<DemoUserDirectory>();
        builder.Services.AddScoped<TokenPrincipalFactory>();
        return builder;
    }

    private static void AddOptions(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevIdpOptions>()
            .Bind(builder.Configuration.GetSection(DevIdpOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<DevIdpOptions>, DevIdpOptionsDefaults>();
        builder.Services.AddSingleton<IValidateOptions<DevIdpOptions>, DevIdpOptionsValidator>();
    }

    private static void AddStore(IServiceCollection services)
    {
        services.AddDbContext<DevIdpDbContext>((provider, options) =>
        {
            var path = provider.GetRequiredService<IOptions<DevIdpOptions>>().Value.DatabasePath;
            options.UseSqlite(DevIdpStore.ConnectionString(path));
        });

        // Migrations and client/scope seeding run before the first request is accepted.
        services.AddHostedService<StoreInitializer>();
    }

    private static void AddOpenIddict(IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DevIdpDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");

                server.AllowAuthorizationCodeFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();

                // RFC 9700 §2.1.1: S256 only; "plain" would expose the verifier in the front channel.
                server.Configure(options =>
                {
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });

                server.RegisterScopes(DevIdpScopes.All)
                    .RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, Claims.Role, DevIdpClaims.SessionId);

                // Access tokens are signed JWTs (RFC 9068) that resource servers validate against the
                // JWKS or introspect. Keys, issuer and lifetimes come from ServerCredentialsSetup.
                server.DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment())
                {
                    // Plain HTTP only in Development, where Aspire serves http endpoints.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // For the IdP's own APIs (the Shared Signals transmitter's management endpoints).
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        builder.Services.AddSingleton<DevIdpKeys>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerCredentialsSetup>();
        builder.Services.AddHostedService<ServerOptionsWarmup>();
    }

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.LoginPath = AccountApi.LoginPath;
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = false;
            });
        services.AddAuthorization();
        services.AddAntiforgery();
    }
}
