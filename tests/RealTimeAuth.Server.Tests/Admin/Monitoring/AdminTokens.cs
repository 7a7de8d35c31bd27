using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.Auth;

namespace RealTimeAuth.Server.Tests.Admin.Monitoring;

/// <summary>
/// Admin access tokens from a test issuer the server's admin bearer scheme is pointed at (instead of an IdP's
/// metadata), with whatever roles a test needs; audience and signature are validated as in production.
/// </summary>
internal sealed class AdminTokens
{
    private const string Issuer = "https://admin-idp.test/";
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));

    public void Configure(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
        services.PostConfigure<JwtBearerOptions>(AdminPolicies.Scheme, bearer =>
        {
            bearer.Authority = null;
            bearer.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            bearer.TokenValidationParameters.ValidIssuer = Issuer;
            bearer.TokenValidationParameters.IssuerSigningKey = _key;
        }));

    public string Create(params string[] roles) => CreateFor("admin-test", roles);

    /// <summary>A token of the admin <paramref name="subject"/> (its <c>sub</c>).</summary>
    public string CreateFor(string subject, params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "rta-admin-api",
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["email"] = "tester@realtimeauth.dev",
            ["role"] = roles,
        },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
    });
}
