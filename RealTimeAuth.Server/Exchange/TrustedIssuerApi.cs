using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Auth;

namespace RealTimeAuth.Server.Exchange;

/// <summary><c>GET /admin/v1/trust/issuers</c>: the token issuers the exchange trusts, for admins and auditors.</summary>
public static class TrustedIssuerApi
{
    public static IEndpointRouteBuilder MapTrustedIssuerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/v1/trust/issuers", ListIssuersAsync).WithTags("Admin").RequireAuthorization(AdminPolicies.Read)
            .WithName("ListTrustedIssuers").WithSummary("The token issuers the exchange trusts");
        return app;
    }

    internal static async Task<Ok<List<TrustedIssuerSummary>>> ListIssuersAsync(
        IOptions<ExchangeOptions> options, IssuerMetadata metadata, CancellationToken cancellationToken)
    {
        // Each issuer's metadata may need a fetch; one slow issuer should not add to the others' time.
        var issuers = await Task.WhenAll(options.Value.TrustedIssuers.Select(async issuer =>
        {
            var (jwksUri, introspection, error) = await metadata.EndpointsAsync(issuer, cancellationToken);
            return new TrustedIssuerSummary(
                issuer.Issuer,
                issuer.Audience,
                issuer.Validation == SubjectTokenValidation.Introspection ? "introspection" : "jwks",
                jwksUri,
                introspection,
                error);
        }));

        return TypedResults.Ok(issuers.ToList());
    }
}
