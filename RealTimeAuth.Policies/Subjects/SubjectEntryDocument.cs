namespace RealTimeAuth.Policies.Subjects;

/// <summary>One subject in a directory file: what policies may know about it beyond its id.</summary>
public sealed class SubjectEntryDocument
{
    /// <summary>The subject type; <see cref="SubjectDirectory.DefaultType"/> when omitted.</summary>
    public string? Type { get; init; }

    /// <summary>The subject id: the IdP's <c>sub</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The IdP issuer the id belongs to; omit when the entry holds at every trusted issuer (a single IdP).</summary>
    public string? Issuer { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string? RiskLevel { get; init; }

    public long? AssuranceLevel { get; init; }

    public bool? DeviceCompliant { get; init; }
}
