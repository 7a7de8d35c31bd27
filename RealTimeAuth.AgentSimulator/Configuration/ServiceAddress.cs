using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>
/// An address in service discovery form: <c>https+http://server</c> means the <c>server</c> resource's https endpoint if it
/// has one, else its http endpoint, as Aspire passes them in <c>services:{name}:{scheme}:{index}</c>. A plain
/// <c>http(s)://host:port</c> is used as is when no such entry names the host.
/// </summary>
/// <remarks>
/// The SDK opens its own HTTP/2 connections and wants a concrete address, so the simulator resolves the name once,
/// the same way the service discovery configuration provider does.
/// </remarks>
internal sealed record ServiceAddress(IReadOnlyList<string> Schemes, string Host, Uri Original)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out ServiceAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        var schemes = uri.Scheme.Split('+');
        if (schemes.Any(scheme => scheme is not ("http" or "https")))
        {
            return false;
        }

        address = new ServiceAddress(schemes, uri.Host, uri);
        return true;
    }

    /// <summary>The first configured endpoint in scheme order, else the address itself when it names one scheme.</summary>
    /// <exception cref="InvalidOperationException">A multi-scheme name has no configured endpoint.</exception>
    public Uri Resolve(IConfiguration configuration)
    {
        foreach (var scheme in Schemes)
        {
            if (configuration[$"services:{Host}:{scheme}:0"] is { Length: > 0 } configured
                && Uri.TryCreate(configured, UriKind.Absolute, out var endpoint))
            {
                return endpoint;
            }
        }

        if (Schemes.Count == 1)
        {
            return Original;
        }

        throw new InvalidOperationException(
            $"No endpoint is configured for service '{Host}' (services:{Host}:{string.Join(" or services:" + Host + ":", Schemes.Select(scheme => scheme + ":0"))}). "
            + "Run the simulator from the app host, or set the address to an absolute http(s) URI.");
    }

    public override string ToString() => Original.OriginalString;
}
