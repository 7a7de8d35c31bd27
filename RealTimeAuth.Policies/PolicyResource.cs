namespace RealTimeAuth.Policies;

/// <summary>What the action is on (AuthZEN <c>resource</c>): a type, an optional id and properties.</summary>
public readonly struct PolicyResource
{
    public required string Type { get; init; }

    /// <summary>The resource id; null when the request names only a type.</summary>
    public string? Id { get; init; }

    /// <summary>Properties such as <c>ownerID</c>, read as <c>resource.properties</c>; null means empty.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
