using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

internal static class AdminWiringExtensions
{
    /// <summary>
    /// The admin console signs admins in at the identity provider with a generated client secret that the IdP is
    /// given too (see <see cref="DevIdpWiringExtensions"/>), and calls the server (already referenced) with each admin's own token.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAdminConsoleWiring(
        this IResourceBuilder<ProjectResource> admin, IResourceBuilder<ProjectResource> identityProvider, IResourceBuilder<ParameterResource> clientSecret) =>
        admin.WithReference(identityProvider)
            .WaitFor(identityProvider)
            .WithEnvironment("Admin__Authority", identityProvider.GetEndpoint(ResourceNames.HttpEndpoint))
            .WithEnvironment("Admin__ClientId", "admin-console")
            .WithEnvironment("Admin__ClientSecret", clientSecret)
            // Honoured by the console only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("Admin__RequireHttpsMetadata", "false");
}
