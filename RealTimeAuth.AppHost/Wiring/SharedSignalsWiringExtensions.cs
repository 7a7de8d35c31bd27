using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

/// <summary>
/// The dev IdP is the server's trusted Shared Signals transmitter: the server manages its stream with the IdP's
/// <c>rta-server</c> client (client credentials, scope <c>ssf.manage</c>, a secret generated once and given to both;
/// the IdP's side is in <see cref="DevIdpWiringExtensions"/>), creates it at start (retrying until the IdP answers),
/// and asks for push delivery to its own http endpoint.
/// </summary>
internal static class SharedSignalsWiringExtensions
{
    public static IResourceBuilder<ProjectResource> WithSharedSignals(
        this IResourceBuilder<ProjectResource> server, IResourceBuilder<ProjectResource> devIdp, IResourceBuilder<ParameterResource> clientSecret) =>
        server
            .WithEnvironment("SharedSignals__Transmitters__0__Issuer", devIdp.GetEndpoint(ResourceNames.HttpEndpoint))
            .WithEnvironment("SharedSignals__Transmitters__0__Audience", "rta-server")
            .WithEnvironment("SharedSignals__Transmitters__0__ClientId", "rta-server")
            .WithEnvironment("SharedSignals__Transmitters__0__ClientSecret", clientSecret)
            .WithEnvironment("SharedSignals__Transmitters__0__Description", "Development IdP")
            // The dev IdP sends risk-level-change and device-compliance-change; it may change nothing else (ADR 0020).
            .WithEnvironment("SharedSignals__Transmitters__0__AllowedClaims__0", "user.risk_level")
            .WithEnvironment("SharedSignals__Transmitters__0__AllowedClaims__1", "user.device_compliant")
            .WithEnvironment("SharedSignals__Transmitters__0__ReceiverEndpoint", ReferenceExpression.Create($"{server.GetEndpoint(ResourceNames.HttpEndpoint)}/ssf/events"))
            // Honoured by the server only in Development: the dev IdP serves plain HTTP locally.
            .WithEnvironment("SharedSignals__Transmitters__0__RequireHttpsMetadata", "false");
}
