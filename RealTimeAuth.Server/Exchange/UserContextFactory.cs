using System.Security.Claims;
using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Exchange;

/// <summary>The user's attributes taken from a validated IdP token's claims.</summary>
internal static class UserContextFactory
{
    public static SecurityContext FromClaims(string issuer, string subject, IEnumerable<Claim> claims)
    {
        var list = claims.ToList();
        var context = SecurityContext.Empty
            .With("user.iss", issuer)
            .With("user.sub", subject)
            .With("user.roles", SecurityAttributeValue.FromStringSet(Values(list, "role")));
        if (First(list, "email") is { } email)
        {
            context = context.With("user.email", email);
        }

        // OpenID Connect Core §5.1: a JSON boolean; the JWT handler and introspection give it as "true".
        if (string.Equals(First(list, "email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            context = context.With("user.email_verified", SecurityAttributeValue.FromBoolean(true));
        }

        if (First(list, "name") is { } name)
        {
            context = context.With("user.name", name);
        }

        return context;
    }

    private static IEnumerable<string> Values(List<Claim> claims, string type) =>
        claims.Where(claim => claim.Type == type && claim.Value.Length > 0).Select(claim => claim.Value);

    private static string? First(List<Claim> claims, string type) => Values(claims, type).FirstOrDefault();
}
