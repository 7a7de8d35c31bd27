namespace RealTimeAuth.AppHost.Wiring;

internal static class AdminWiringExtensions
{
    /// <summary>
    /// The admin console signs admins in at the identity provider with a generated client secret that the IdP is
    /// given too, and calls the server (already referenced) with each admin's own token.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAdminConsoleWiring(
        this IResourceBuilder<ProjectResource> admin, IResourceBuilder<ProjectResource> identityProvider, IResourceBuilder<ParameterResource> clientSecret)
    {
        identityProvider.WithEnvironment("DevIdp__Clients__admin-console__ClientSecret", clientSecret);
        return admin.WithReference(identityProvider)
            .WaitFor(identityProvider)
            .WithEnvironment("Admin__Authority", identityProvider.GetEndpoint("http"))
            .WithEnvironment("Admin__ClientId", "admin-console")
            .WithEnvironment("Admin__ClientSecret", clientSecret)
            // Honoured by the console only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Admin__RequireHttpsMetadata", "false");
    }
}
