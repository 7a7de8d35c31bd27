namespace RealTimeAuth.Server.Data;

/// <summary>One import of the subject directory; the newest import is the directory every replica uses.</summary>
public sealed class SubjectDirectoryVersionEntity
{
    public int Version { get; set; }

    /// <summary>The directory file (<c>rta.directory/v1</c> JSON) exactly as imported.</summary>
    public required string Document { get; set; }

    public int SubjectCount { get; set; }

    public required string ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
