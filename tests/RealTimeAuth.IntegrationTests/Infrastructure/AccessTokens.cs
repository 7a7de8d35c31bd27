using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>Mints RFC 9068 access tokens the dev IdP would not issue: expired, or from an issuer nobody trusts.</summary>
internal static class AccessTokens
{
    public static string Mint(SecurityKey key, string issuer, string audience, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", DemoAccounts.RickSubject),
                new Claim("email", DemoAccounts.RickEmail),
                new Claim("scope", "openid rta"),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A fresh RSA key no issuer publishes.</summary>
    public static RsaSecurityKey ForeignKey()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { CryptoProviderFactory = new CryptoProviderFactory() };
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
