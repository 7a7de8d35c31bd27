namespace RealTimeAuth.Policies.Resources;

/// <summary>A resource directory file (<c>"schema": "rta.resources/v1"</c>), as an admin imports it.</summary>
public sealed class ResourceDirectoryDocument
{
    public const string CurrentSchema = "rta.resources/v1";

    public required string Schema { get; init; }

    public required IReadOnlyList<ResourceEntryDocument> Resources { get; init; }
}
