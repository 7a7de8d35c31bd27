using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Resources;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Builds the resource a policy sees, according to who describes it (docs/adr/0017-resource-attributes.md). An agent
/// speaking for itself on the live channel is not trusted: its properties are only <c>resource.asserted</c>, and
/// <c>resource.properties</c> is the resource directory's entry. A trusted PEP (AuthZEN) is: its properties are
/// <c>resource.properties</c> as they always were, completed by the directory's for keys it does not send.
/// </summary>
public static class ResourceEnrichment
{
    /// <summary>The resource as the live channel's caller, the agent, names it.</summary>
    public static PolicyResource FromAgent(ResourceDirectory directory, string type, string? id, IReadOnlyDictionary<string, string>? asserted)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new PolicyResource
        {
            Type = type,
            Id = id,
            Properties = directory.PropertiesOf(type, id),
            AssertedProperties = asserted,
        };
    }

    /// <summary>The resource as a trusted PEP describes it.</summary>
    public static PolicyResource FromTrustedPep(ResourceDirectory directory, string type, string? id, IReadOnlyDictionary<string, string>? properties)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new PolicyResource { Type = type, Id = id, Properties = Overlay(directory.PropertiesOf(type, id), properties) };
    }

    private static IReadOnlyDictionary<string, string>? Overlay(IReadOnlyDictionary<string, string> known, IReadOnlyDictionary<string, string>? sent)
    {
        if (known.Count == 0 || sent is null)
        {
            return sent ?? known;
        }

        var merged = new Dictionary<string, string>(known, StringComparer.Ordinal);
        foreach (var (key, value) in sent)
        {
            merged[key] = value;
        }

        return merged;
    }
}
