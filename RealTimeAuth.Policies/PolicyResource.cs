namespace RealTimeAuth.Policies;

/// <summary>What the action is on (AuthZEN <c>resource</c>): a type, an optional id and properties.</summary>
public readonly struct PolicyResource
{
    public required string Type { get; init; }

    /// <summary>The resource id; null when the request names only a type.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Trusted properties such as <c>ownerID</c>, read as <c>resource.properties</c>: from a trusted PEP (AuthZEN) or the
    /// resource directory, never from an agent speaking for itself. Null means empty.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    /// <summary>
    /// Properties the caller claims but the PDP cannot trust (an agent describing the resource it acts on), read as
    /// <c>resource.asserted</c>; null means empty. See docs/adr/0017-resource-attributes.md.
    /// </summary>
    public IReadOnlyDictionary<string, string>? AssertedProperties { get; init; }
}
