using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using MudBlazor.Services;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Auth;
using RealTimeAuth.Admin.Live;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.Admin.Extensions;

public static class AdminConsoleExtensions
{
    public const string ApiClientName = "admin-api";
    public const string StreamClientName = "admin-stream";

    /// <summary>Where an Aspire reference to the dev IdP puts its address.</summary>
    private const string DevIdpServiceKey = $"services:{ResourceNames.DevIdp}:{ResourceNames.HttpEndpoint}:0";

    /// <summary>Options, OpenID Connect sign-in with a cookie session, roles, and the per-circuit API and stream clients.</summary>
    public static IHostApplicationBuilder AddAdminConsole(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AdminConsoleOptions.SectionName);
        builder.Services.AddOptions<AdminConsoleOptions>().Bind(section)
            .PostConfigure(options => options.Authority ??= builder.Configuration[DevIdpServiceKey])
            .ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<AdminConsoleOptions>() ?? new AdminConsoleOptions();
        options.Authority ??= builder.Configuration[DevIdpServiceKey];

        builder.AddConsoleAuthentication(options);
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);

        var server = new Uri(options.ServerAddress.EndsWith('/') ? options.ServerAddress : options.ServerAddress + "/");
        builder.Services.AddHttpClient(ApiClientName, client => client.BaseAddress = server);
        builder.Services.AddHttpClient(StreamClientName, client =>
        {
            client.BaseAddress = server;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Per circuit: the handler must see this circuit's tokens, so it is built here around the factory's pipeline.
        builder.Services.AddScoped<AdminTokenAccessor>();
        builder.Services.AddScoped(services => new AdminApiClient(CreateClient(services, ApiClientName)));
        builder.Services.AddScoped(services => new AdminStreamClient(
            CreateClient(services, StreamClientName), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<AdminStreamClient>>()));
        return builder;
    }

    private static HttpClient CreateClient(IServiceProvider services, string name)
    {
        var inner = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        var configured = services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
        var handler = new AdminTokenHandler(services.GetRequiredService<AdminTokenAccessor>()) { InnerHandler = inner };
        return new HttpClient(handler, disposeHandler: false) { BaseAddress = configured.BaseAddress, Timeout = configured.Timeout };
    }

    private static void AddConsoleAuthentication(this IHostApplicationBuilder builder, AdminConsoleOptions options)
    {
        var development = builder.Environment.IsDevelopment();
        // Plain-HTTP metadata and non-Secure cookies only for a local development IdP, never elsewhere.
        var relaxed = development && !options.RequireHttpsMetadata;
        builder.Services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                auth.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = ConsolePolicies.CookieName;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = relaxed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.AccessDeniedPath = "/access-denied";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Authority;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = "code";
                // query, not form_post: the callback is a top-level GET, so Lax correlation cookies come back on plain HTTP too.
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.RequireHttpsMetadata = !relaxed;
                oidc.Scope.Clear();
                foreach (var scope in options.Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = "email";
                oidc.TokenValidationParameters.RoleClaimType = ConsolePolicies.RoleClaim;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                if (relaxed)
                {
                    oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Read, policy => policy.RequireRole(ConsolePolicies.AdminRole, ConsolePolicies.AuditorRole))
            .AddPolicy(ConsolePolicies.Act, policy => policy.RequireRole(ConsolePolicies.AdminRole));
        builder.Services.AddCascadingAuthenticationState();
    }
}
