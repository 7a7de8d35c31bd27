using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Auth;

/// <summary>Admin authentication and the admin authorization policies every admin endpoint names.</summary>
public static class AuthModule
{
    /// <summary>Admins authenticate with the IdP's access tokens for the admin API audience, roles in <c>role</c> (options <c>Admin</c>, validated at start).</summary>
    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminAuthOptions>()
            .Bind(builder.Configuration.GetSection(AdminAuthOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminAuthOptions>, AdminAuthOptionsValidator>();

        var options = builder.Configuration.GetSection(AdminAuthOptions.SectionName).Get<AdminAuthOptions>() ?? new AdminAuthOptions();
        // No default scheme: every admin endpoint names this one through its policy, so requests elsewhere (AuthZEN
        // calls with a bearer API key, live-channel RTA tokens) are not run through JWT validation on every call.
        builder.Services.AddAuthentication()
            .AddJwtBearer(AdminPolicies.Scheme, bearer =>
            {
                bearer.Authority = options.Authority;
                bearer.Audience = options.Audience;
                bearer.MapInboundClaims = false;
                bearer.RequireHttpsMetadata = HttpsMetadata.IsRequired(options.RequireHttpsMetadata, builder.Environment);
                bearer.TokenValidationParameters.RoleClaimType = "role";
                bearer.TokenValidationParameters.NameClaimType = "email";
                bearer.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Read, policy => policy.AddAuthenticationSchemes(AdminPolicies.Scheme)
                .RequireRole(AdminPolicies.AdminRole, AdminPolicies.AuditorRole))
            .AddPolicy(AdminPolicies.Act, policy => policy.AddAuthenticationSchemes(AdminPolicies.Scheme)
                .RequireRole(AdminPolicies.AdminRole));
        builder.Services.AddProblemDetails();
        return builder;
    }
}
