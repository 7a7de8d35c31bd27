namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>A row of a raw SQL query for users; properties named as the query's column aliases.</summary>
internal sealed class SubjectUserRow
{
    public string Issuer { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;
}
