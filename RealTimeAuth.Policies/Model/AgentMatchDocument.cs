namespace RealTimeAuth.Policies.Model;

/// <summary>Which acting agents a rule covers; each field that is present must match.</summary>
public sealed class AgentMatchDocument
{
    /// <summary>Agent kinds, exact.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Agent id patterns; <c>*</c> matches any run of characters.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>The deepest delegation allowed: 0 is the agent of the user's root session, 1 its children.</summary>
    public int? MaxDepth { get; init; }
}
