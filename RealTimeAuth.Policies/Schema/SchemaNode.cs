namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// A node of the schema's path tree: an object such as <c>subject</c> or <c>context.agent</c> with children,
/// or a leaf that holds an attribute.
/// </summary>
internal sealed class SchemaNode(string path)
{
    public string Path { get; } = path;

    public Dictionary<string, SchemaNode> Children { get; } = new(StringComparer.Ordinal);

    public AttributeDefinition? Attribute { get; set; }
}
