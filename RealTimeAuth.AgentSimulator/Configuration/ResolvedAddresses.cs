using Microsoft.Extensions.Options;

namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The server's and the identity provider's concrete addresses, resolved once from <see cref="SimulatorOptions"/>.</summary>
internal sealed class ResolvedAddresses(IOptions<SimulatorOptions> options, IConfiguration configuration)
{
    private readonly Lazy<Uri> _server = new(() => Resolve(options.Value.ServerAddress, options.Value, configuration, "ServerAddress"));
    private readonly Lazy<Uri> _identityProvider = new(() => Resolve(options.Value.IdentityProvider, options.Value, configuration, "IdentityProvider"));

    public Uri Server => _server.Value;

    public Uri IdentityProvider => _identityProvider.Value;

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
