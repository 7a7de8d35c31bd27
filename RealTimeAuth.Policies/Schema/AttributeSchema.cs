using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// The attributes conditions may name, checked when a policy loads: an unknown path or a value of the wrong
/// type is rejected then, not at request time. Immutable; <see cref="With"/> makes an extended copy, so later
/// features add attributes (for instance ones read from <c>subject.attributes</c>) without touching the checker.
/// </summary>
public sealed class AttributeSchema
{
    private readonly FrozenDictionary<string, AttributeDefinition> _byPath;

    private AttributeSchema(ImmutableArray<AttributeDefinition> attributes)
    {
        Attributes = attributes;
        _byPath = attributes.ToFrozenDictionary(a => a.Path, StringComparer.Ordinal);
        Root = BuildTree(attributes);
    }

    /// <summary>The four roots every path starts with.</summary>
    public static FrozenSet<string> Roots { get; } = FrozenSet.Create(StringComparer.Ordinal, "subject", "resource", "action", "context");

    public static AttributeSchema Empty { get; } = new([]);

    /// <summary>The built-in attributes (see <c>docs</c> on <see cref="BuiltInAttributes"/>).</summary>
    public static AttributeSchema Default => BuiltInAttributes.Schema;

    public ImmutableArray<AttributeDefinition> Attributes { get; }

    internal SchemaNode Root { get; }

    /// <summary>A copy with <paramref name="attribute"/> added, or replacing the attribute of the same path.</summary>
    /// <exception cref="ArgumentException">The path is above or below an existing attribute (a leaf cannot have children).</exception>
    public AttributeSchema With(AttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var prefix = attribute.Path + ".";
        var clash = Attributes.FirstOrDefault(a =>
            a.Path.StartsWith(prefix, StringComparison.Ordinal) || attribute.Path.StartsWith(a.Path + ".", StringComparison.Ordinal));
        if (clash is not null)
        {
            throw new ArgumentException($"'{attribute.Path}' clashes with the attribute '{clash.Path}'.", nameof(attribute));
        }

        return new AttributeSchema(Attributes.RemoveAll(a => a.Path == attribute.Path).Add(attribute));
    }

    public bool TryGet(string path, [NotNullWhen(true)] out AttributeDefinition? attribute) => _byPath.TryGetValue(path, out attribute);

    private static SchemaNode BuildTree(ImmutableArray<AttributeDefinition> attributes)
    {
        var root = new SchemaNode(string.Empty);
        foreach (var name in Roots)
        {
            root.Children[name] = new SchemaNode(name);
        }

        foreach (var attribute in attributes)
        {
            var node = root;
            foreach (var segment in attribute.Path.Split('.'))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new SchemaNode(node.Path.Length == 0 ? segment : node.Path + "." + segment);
                    node.Children[segment] = child;
                }

                node = child;
            }

            node.Attribute = attribute;
        }

        return root;
    }
}
