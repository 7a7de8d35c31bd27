namespace RealTimeAuth.AppHost.Wiring;

internal static class ServerWiringExtensions
{
    public const string GrpcEndpointName = "grpc";

    /// <summary>A random secret generated on first run and kept in the app host's user secrets.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

    /// <summary>
    /// A second endpoint that speaks HTTP/2 only, so gRPC works over plain HTTP in development
    /// (h2c by prior knowledge); the server publishes it to agents as their live channel address.
    /// Once Kestrel has any configured endpoint it ignores ASPNETCORE_URLS, so both endpoints are
    /// configured explicitly on the ports Aspire allocates.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> server)
    {
        server.WithHttpEndpoint(name: GrpcEndpointName, env: "RTA_GRPC_PORT");
        var http = server.GetEndpoint("http");
        var grpc = server.GetEndpoint(GrpcEndpointName);
        return server
            .WithEnvironment("Kestrel__Endpoints__http__Url", ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Kestrel__Endpoints__grpc__Url", ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Kestrel__Endpoints__grpc__Protocols", "Http2")
            .WithEnvironment("Exchange__LiveChannelGrpcAddress", grpc);
    }

    /// <summary>Trusts an identity provider's access tokens for exchange, validated against its JWKS.</summary>
    public static IResourceBuilder<ProjectResource> WithTrustedIssuer(
        this IResourceBuilder<ProjectResource> server, IResourceBuilder<ProjectResource> identityProvider, string audience) =>
        server.WithReference(identityProvider)
            .WithEnvironment("Exchange__TrustedIssuers__0__Issuer", identityProvider.GetEndpoint("http"))
            .WithEnvironment("Exchange__TrustedIssuers__0__Audience", audience)
            .WithEnvironment("Exchange__TrustedIssuers__0__Validation", "Jwt")
            // Honoured by the server only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Exchange__TrustedIssuers__0__RequireHttpsMetadata", "false");

    /// <summary>Admins of the server's admin API sign in at this identity provider.</summary>
    public static IResourceBuilder<ProjectResource> WithAdminAuthority(
        this IResourceBuilder<ProjectResource> server, IResourceBuilder<ProjectResource> identityProvider) =>
        server.WithEnvironment("Admin__Authority", identityProvider.GetEndpoint("http"))
            .WithEnvironment("Admin__Audience", "rta-admin-api")
            // Honoured by the server only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Admin__RequireHttpsMetadata", "false");
}
