using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Resources;

/// <summary>
/// What the PDP trusts about resources by type and id: properties such as a record's <c>owner</c>, read as
/// <c>resource.properties</c> when the caller is not trusted to state them (an agent on the live channel).
/// Immutable like the subject directory: an import builds a new one and the holder swaps it in. Lookups allocate nothing.
/// </summary>
public sealed class ResourceDirectory
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, ResourceEntry>> _byType;

    private ResourceDirectory(IEnumerable<ResourceEntry> resources)
    {
        _byType = resources
            .GroupBy(resource => resource.Type, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToFrozenDictionary(resource => resource.Id, StringComparer.Ordinal), StringComparer.Ordinal);
        Count = _byType.Values.Sum(entries => entries.Count);
    }

    public static ResourceDirectory Empty { get; } = new([]);

    public int Count { get; }

    public IEnumerable<ResourceEntry> Resources => _byType.Values.SelectMany(entries => entries.Values);

    /// <exception cref="ArgumentException">Two resources share a type and id.</exception>
    public static ResourceDirectory Create(IEnumerable<ResourceEntry> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = resources.ToList();
        var duplicate = list.GroupBy(resource => (resource.Type, resource.Id)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The resource {duplicate.Key.Type} '{duplicate.Key.Id}' appears more than once.", nameof(resources));
        }

        return new ResourceDirectory(list);
    }

    public bool TryGet(string type, string? id, [NotNullWhen(true)] out ResourceEntry? resource)
    {
        resource = null;
        return id is not null && _byType.TryGetValue(type, out var entries) && entries.TryGetValue(id, out resource);
    }

    /// <summary>The trusted properties of the resource, or empty when the directory does not know it.</summary>
    public IReadOnlyDictionary<string, string> PropertiesOf(string type, string? id) =>
        TryGet(type, id, out var resource) ? resource.Properties : PropertyBag.Empty;
}
