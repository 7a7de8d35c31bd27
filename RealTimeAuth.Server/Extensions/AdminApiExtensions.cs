using RealTimeAuth.Server.Auth;

namespace RealTimeAuth.Server.Extensions;

internal static class AdminApiExtensions
{
    /// <summary>Admins authenticate with the IdP's access tokens for the admin API audience, roles in <c>role</c>.</summary>
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AdminAuthOptions.SectionName).Get<AdminAuthOptions>() ?? new AdminAuthOptions();
        // No default scheme: every admin endpoint names this one through its policy, so requests elsewhere (AuthZEN
        // calls with a bearer API key, live-channel RTA tokens) are not run through JWT validation on every call.
        builder.Services.AddAuthentication()
            .AddJwtBearer(AdminPolicies.Scheme, bearer =>
            {
                bearer.Authority = options.Authority;
                bearer.Audience = options.Audience;
                bearer.MapInboundClaims = false;
                // Plain-HTTP metadata only for a local development IdP, never elsewhere.
                bearer.RequireHttpsMetadata = options.RequireHttpsMetadata || !builder.Environment.IsDevelopment();
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
