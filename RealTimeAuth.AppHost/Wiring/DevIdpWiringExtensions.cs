using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

internal static class DevIdpWiringExtensions
{
    private const string AdminRedirectUriVariable = "DevIdp__AdminRedirectUris__0";

    /// <summary>
    /// The dev IdP issues tokens as its own http endpoint, knows the generated secrets of its confidential clients
    /// (the admin console and the RTA server), and accepts the admin console's origin as a sign-in redirect.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevIdpWiring(this IResourceBuilder<ProjectResource> devIdp, GeneratedSecrets secrets) =>
        devIdp.WithEnvironment("DevIdp__Issuer", devIdp.GetEndpoint(ResourceNames.HttpEndpoint))
            .WithEnvironment("DevIdp__Clients__admin-console__ClientSecret", secrets.AdminConsoleClient)
            .WithEnvironment("DevIdp__Clients__rta-server__ClientSecret", secrets.RtaServerClient)
            // The admin console is declared after the IdP, so its endpoint is looked up by name once the app model is complete.
            .WithEnvironment(context => context.EnvironmentVariables[AdminRedirectUriVariable] = AdminConsoleEndpoint(devIdp.ApplicationBuilder));

    private static EndpointReference AdminConsoleEndpoint(IDistributedApplicationBuilder builder)
    {
        var admin = builder.Resources.OfType<IResourceWithEndpoints>().SingleOrDefault(resource => resource.Name == ResourceNames.Admin)
            ?? throw new InvalidOperationException(
                $"The dev IdP registers the admin console's origin ({AdminRedirectUriVariable}), but the app host has no '{ResourceNames.Admin}' resource.");
        return admin.GetEndpoint(ResourceNames.HttpEndpoint);
    }
}
