namespace RealTimeAuth.Policies.Model;

/// <summary>A resource type (or <c>*</c>) and, optionally, id patterns within it.</summary>
public sealed class ResourceMatchDocument
{
    public required string Type { get; init; }

    /// <summary>Id patterns; <c>*</c> matches any run of characters. Omitted: any id, and requests without one.</summary>
    public IReadOnlyList<string>? Ids { get; init; }
}
