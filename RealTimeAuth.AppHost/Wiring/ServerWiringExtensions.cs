using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

internal static class ServerWiringExtensions
{
    private static readonly string[] RtaScopes =
        ["policies:read", "compliance:read", "records:read", "records:write", "todos:read", "todos:write"];

    /// <summary>
    /// A second endpoint that speaks HTTP/2 only, so gRPC works over plain HTTP in development
    /// (h2c by prior knowledge); the server publishes it to agents as their live channel address.
    /// Once Kestrel has any configured endpoint it ignores ASPNETCORE_URLS, so both endpoints are
    /// configured explicitly on the ports Aspire allocates.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> server)
    {
        server.WithHttpEndpoint(name: ResourceNames.GrpcEndpoint, env: "RTA_GRPC_PORT");
        var http = server.GetEndpoint(ResourceNames.HttpEndpoint);
        var grpc = server.GetEndpoint(ResourceNames.GrpcEndpoint);
        return server
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.HttpEndpoint}__Url", ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Url", ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment($"Kestrel__Endpoints__{ResourceNames.GrpcEndpoint}__Protocols", "Http2")
            .WithEnvironment("LiveChannel__GrpcAddress", grpc);
    }

    /// <summary>The key that wraps the server's signing keys, and the exchange clients' secrets.</summary>
    public static IResourceBuilder<ProjectResource> WithServerSecrets(this IResourceBuilder<ProjectResource> server, GeneratedSecrets secrets) =>
        server.WithEnvironment("SigningKeys__EncryptionKey", secrets.SigningKeyEncryption)
            .WithEnvironment("Exchange__Clients__copilot__Secret", secrets.CopilotClient)
            .WithEnvironment("Exchange__Clients__agent__Secret", secrets.AgentClient);

    /// <summary>Seeds an empty policy store with the simulator's demo policy; afterwards PostgreSQL is the source of truth.</summary>
    public static IResourceBuilder<ProjectResource> WithPolicySeed(this IResourceBuilder<ProjectResource> server) =>
        server.WithEnvironment("Policies__File",
            Path.GetFullPath(Path.Combine(server.ApplicationBuilder.AppHostDirectory, "..", "policies", "agents.policy.json")));

    /// <summary>
    /// Trusts an identity provider's access tokens for exchange, validated against its JWKS. The dev IdP's scope <c>rta</c>
    /// grants every RTA scope the demo clients hold (ADR 0016): the exchange grants no scope the user's token does not.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTrustedIssuer(
        this IResourceBuilder<ProjectResource> server, IResourceBuilder<ProjectResource> identityProvider, string audience)
    {
        server.WithReference(identityProvider)
            .WithEnvironment("Exchange__TrustedIssuers__0__Issuer", identityProvider.GetEndpoint(ResourceNames.HttpEndpoint))
            .WithEnvironment("Exchange__TrustedIssuers__0__Audience", audience)
            .WithEnvironment("Exchange__TrustedIssuers__0__Validation", "Jwt")
            // Honoured by the server only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Exchange__TrustedIssuers__0__RequireHttpsMetadata", "false");
        for (var index = 0; index < RtaScopes.Length; index++)
        {
            server.WithEnvironment($"Exchange__TrustedIssuers__0__ScopeMap__rta__{index}", RtaScopes[index]);
        }

        return server;
    }

    /// <summary>Admins of the server's admin API sign in at this identity provider.</summary>
    public static IResourceBuilder<ProjectResource> WithAdminAuthority(
        this IResourceBuilder<ProjectResource> server, IResourceBuilder<ProjectResource> identityProvider) =>
        server.WithEnvironment("Admin__Authority", identityProvider.GetEndpoint(ResourceNames.HttpEndpoint))
            .WithEnvironment("Admin__Audience", "rta-admin-api")
            // Honoured by the server only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Admin__RequireHttpsMetadata", "false");
}
