namespace RealTimeAuth.Policies.Model;

/// <summary>Which subjects a rule covers; each list that is present must match.</summary>
public sealed class SubjectMatchDocument
{
    /// <summary>Subject types, exact (<c>user</c>, <c>service</c>).</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Subject id patterns; <c>*</c> matches any run of characters.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>The subject must hold at least one of these roles.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Every entry must equal the subject's attribute of that name.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
