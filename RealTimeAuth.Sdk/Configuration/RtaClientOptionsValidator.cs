using Microsoft.Extensions.Options;

namespace RealTimeAuth.Sdk.Configuration;

/// <summary>Checks <see cref="RtaClientOptions"/> at start, with messages that say what to set.</summary>
internal sealed class RtaClientOptionsValidator : IValidateOptions<RtaClientOptions>
{
    private const string Section = RtaClientOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RtaClientOptions options)
    {
        var failures = new List<string>();
        CheckAddress(failures, options, options.ServerAddress, nameof(RtaClientOptions.ServerAddress), required: true);
        CheckAddress(failures, options, options.LiveChannelAddress, nameof(RtaClientOptions.LiveChannelAddress), required: false);
        var fallbacks = options.LiveChannelFallbackAddresses ?? [];
        for (var index = 0; index < fallbacks.Count; index++)
        {
            var property = $"{nameof(RtaClientOptions.LiveChannelFallbackAddresses)}:{index}";
            if (fallbacks[index] is null)
            {
                failures.Add($"{Section}:{property} is empty: remove it or set it to a replica's live channel address.");
            }
            else
            {
                CheckAddress(failures, options, fallbacks[index], property, required: false);
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Section}:{nameof(RtaClientOptions.ClientId)} is required: set it to the agent's client id at the RTA server.");
        }

        if (string.IsNullOrWhiteSpace(options.Agent?.Id))
        {
            failures.Add($"{Section}:Agent:Id is required: set it to a stable identifier of this agent.");
        }

        if (options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            failures.Add($"{Section}:{nameof(RtaClientOptions.ReconnectBaseDelay)} must be positive and no larger than {nameof(RtaClientOptions.ReconnectMaxDelay)}.");
        }

        if (options.KeepAlivePingDelay <= TimeSpan.Zero || options.KeepAlivePingTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(RtaClientOptions.KeepAlivePingDelay)} and {nameof(RtaClientOptions.KeepAlivePingTimeout)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(List<string> failures, RtaClientOptions options, Uri? address, string property, bool required)
    {
        if (address is null)
        {
            if (required)
            {
                failures.Add($"{Section}:{property} is required: set it to the RTA server's base address, for example https://server.");
            }

            return;
        }

        if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}:{property} must be an absolute http or https address; it is '{address}'.");
        }
        else if (address.Scheme == "http" && !options.AllowInsecureHttp)
        {
            failures.Add($"{Section}:{property} is plain http, which would send tokens unencrypted: use https, or set {Section}:{nameof(RtaClientOptions.AllowInsecureHttp)}=true for local development only.");
        }
    }
}
