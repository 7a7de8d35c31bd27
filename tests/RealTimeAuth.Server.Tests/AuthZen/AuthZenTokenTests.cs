using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>PEPs holding an OAuth client-credentials token from the trusted issuer instead of an API key.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AuthZenTokenTests(InfrastructureFixture infrastructure)
{
    private const string Issuer = "https://issuer.test";
    private const string Audience = "rta-authzen";

    private static readonly SymmetricSecurityKey SigningKey = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "test" };

    [Fact]
    public async Task Evaluation_WithTrustedIssuerToken_IsAccepted_OtherAudienceRefused()
    {
        await using var root = await ServerFactory.CreateAsync(infrastructure, "authzen_token");
        await using var factory = root.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in AuthZenServer.Settings(PolicyFiles.TodoPolicy))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("AuthZen:Authority", Issuer);
            builder.UseSetting("AuthZen:Audience", Audience);
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(AuthZenOptions.TokenScheme, bearer =>
            {
                // No discovery in tests: the issuer and its key are given directly.
                bearer.ConfigurationManager = null;
                bearer.TokenValidationParameters.ValidIssuer = Issuer;
                bearer.TokenValidationParameters.IssuerSigningKey = SigningKey;
            }));
        });
        using var client = factory.CreateClient();

        var accepted = await PostAsync(client, Token(Audience));
        var otherAudience = await PostAsync(client, Token("someone-else"));

        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience);
    }

    private static string Token(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("client_id", "gateway")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
    });

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/access/v1/evaluation")
        {
            Content = AuthZenServer.Json(AuthZenProtocolTests.Request("CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs", "can_read_todos")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
