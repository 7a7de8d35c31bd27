namespace RealTimeAuth.Policies.Subjects;

/// <summary>A subject directory file (<c>"schema": "rta.directory/v1"</c>), as an admin imports it.</summary>
public sealed class SubjectDirectoryDocument
{
    public const string CurrentSchema = "rta.directory/v1";

    public required string Schema { get; init; }

    public required IReadOnlyList<SubjectEntryDocument> Subjects { get; init; }
}
