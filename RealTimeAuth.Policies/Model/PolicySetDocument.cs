namespace RealTimeAuth.Policies.Model;

/// <summary>
/// A policy set as admins write it and keep it in git (see <see cref="Files.PolicyFile"/> for the JSON form).
/// Version-agnostic: the version label belongs to whoever stores it and is given to
/// <see cref="PolicyCompiler.Compile(PolicySetDocument, Schema.AttributeSchema, string)"/>. Nothing here is
/// validated until it is compiled.
/// </summary>
public sealed class PolicySetDocument
{
    /// <summary>The format this version reads and writes.</summary>
    public const string CurrentSchema = "rta.policy/v1";

    /// <summary>The file format, <see cref="CurrentSchema"/>.</summary>
    public required string Schema { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The rules. Order does not change decisions (deny overrides allow); it breaks ties in the reported rule id.</summary>
    public required IReadOnlyList<PolicyRuleDocument> Rules { get; init; }
}
