namespace RealTimeAuth.Policies.Resources;

/// <summary>One resource in a directory file: its type, id and the properties policies may trust.</summary>
public sealed class ResourceEntryDocument
{
    public required string Type { get; init; }

    public required string Id { get; init; }

    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
