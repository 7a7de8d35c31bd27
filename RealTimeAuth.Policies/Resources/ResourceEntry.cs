namespace RealTimeAuth.Policies.Resources;

/// <summary>One resource the directory knows: its type, id and trusted properties.</summary>
public sealed class ResourceEntry
{
    public required string Type { get; init; }

    public required string Id { get; init; }

    public required IReadOnlyDictionary<string, string> Properties { get; init; }
}
