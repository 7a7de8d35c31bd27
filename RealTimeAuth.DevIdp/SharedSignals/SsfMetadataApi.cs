using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>SSF 1.0 §7: the transmitter configuration metadata, and the JWKS with the SET signing key.</summary>
internal static class SsfMetadataApi
{
    public const string WellKnown = "/.well-known/ssf-configuration";

    public static IEndpointRouteBuilder MapSsfMetadataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(WellKnown, Metadata).WithName("SsfConfiguration").WithSummary("Shared Signals transmitter metadata (SSF 1.0 §7)").WithTags("Shared Signals").AllowAnonymous();
        app.MapGet(SsfRoutes.Jwks, Jwks).WithName("SsfJwks").WithSummary("The key that signs Security Event Tokens").WithTags("Shared Signals").AllowAnonymous();
        return app;
    }

    internal static ContentHttpResult Metadata(HttpRequest request, SsfIssuer issuer)
    {
        var document = new JsonObject
        {
            ["spec_version"] = "1_0",
            ["issuer"] = issuer.For(request),
            ["jwks_uri"] = issuer.Url(request, SsfRoutes.Jwks),
            ["delivery_methods_supported"] = new JsonArray(SsfDeliveryMethods.Push, SsfDeliveryMethods.Poll),
            ["configuration_endpoint"] = issuer.Url(request, SsfRoutes.Stream),
            ["status_endpoint"] = issuer.Url(request, SsfRoutes.Status),
            ["add_subject_endpoint"] = issuer.Url(request, SsfRoutes.AddSubject),
            ["remove_subject_endpoint"] = issuer.Url(request, SsfRoutes.RemoveSubject),
            ["verification_endpoint"] = issuer.Url(request, SsfRoutes.Verify),
            ["critical_subject_members"] = new JsonArray("user"),
            // OAuth 2.0 (RFC 6749): a client-credentials token with scope ssf.manage from this IdP's token endpoint.
            ["authorization_schemes"] = new JsonArray(new JsonObject { ["spec_urn"] = "urn:ietf:rfc:6749" }),
            ["default_subjects"] = "ALL",
        };
        return TypedResults.Text(document.ToJsonString(), "application/json");
    }

    internal static ContentHttpResult Jwks(SsfSigningKey key)
    {
        var jwk = new JsonObject();
        foreach (var (name, value) in key.PublicJwk)
        {
            jwk[name] = value;
        }

        return TypedResults.Text(new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString(), "application/jwk-set+json");
    }
}
