namespace RealTimeAuth.Server.Data;

/// <summary>One import of the resource directory; the newest import is the one every replica decides with.</summary>
public sealed class ResourceDirectoryVersionEntity
{
    public int Version { get; set; }

    /// <summary>The directory file (<c>rta.resources/v1</c> JSON) exactly as imported.</summary>
    public required string Document { get; set; }

    public int ResourceCount { get; set; }

    public required string ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
