using OpenIddict.Abstractions;
using RealTimeAuth.DevIdp.Users;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>What the token endpoint handler needs, bound with <c>[AsParameters]</c>.</summary>
internal sealed record TokenEndpointServices(
    DemoUserDirectory Users,
    TokenPrincipalFactory Principals,
    IOpenIddictApplicationManager Applications,
    ILoggerFactory LoggerFactory);
