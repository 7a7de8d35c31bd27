using Microsoft.Extensions.Options;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The server's and the identity provider's concrete addresses, resolved once from <see cref="SimulatorOptions"/>.</summary>
internal sealed class ResolvedAddresses(IOptions<SimulatorOptions> options, IConfiguration configuration)
{
    private readonly Lazy<Uri> _server = new(() => Resolve(options.Value.ServerAddress, options.Value, configuration, "ServerAddress"));
    private readonly Lazy<Uri> _identityProvider = new(() => Resolve(options.Value.IdentityProvider, options.Value, configuration, "IdentityProvider"));

    public Uri Server => _server.Value;

    public Uri IdentityProvider => _identityProvider.Value;

    /// <summary>
    /// The server's gRPC live channel: its <c>grpc</c> endpoint when service discovery names one (the app host gives the
    /// server an HTTP/2-only endpoint for it), else the server's own address.
    /// </summary>
    public Uri LiveChannel =>
        ServiceAddress.TryParse(options.Value.ServerAddress, out var server)
        && configuration[$"services:{server.Host}:{ResourceNames.GrpcEndpoint}:0"] is { Length: > 0 } grpc
        && Uri.TryCreate(grpc, UriKind.Absolute, out var uri)
            ? uri
            : Server;

    private static Uri Resolve(string value, SimulatorOptions options, IConfiguration configuration, string key)
    {
        if (!ServiceAddress.TryParse(value, out var address))
        {
            throw new InvalidOperationException($"{SimulatorOptions.SectionName}:{key} is not a valid address.");
        }

        var resolved = address.Resolve(configuration);
        if (resolved.Scheme == Uri.UriSchemeHttp && !options.AllowInsecureHttp)
        {
            throw new InvalidOperationException(
                $"{SimulatorOptions.SectionName}:{key} resolves to {resolved}, which is plain http and would carry tokens and passwords "
                + $"unencrypted: use https, or set {SimulatorOptions.SectionName}:AllowInsecureHttp=true for local development only.");
        }

        return resolved;
    }
}
