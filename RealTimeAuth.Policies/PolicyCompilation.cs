using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies;

/// <summary>The result of compiling a policy set: the compiled set, or every diagnostic found.</summary>
public sealed class PolicyCompilation
{
    internal PolicyCompilation(CompiledPolicySet? policySet, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        PolicySet = policySet;
        Diagnostics = diagnostics;
    }

    [MemberNotNullWhen(true, nameof(PolicySet))]
    public bool Succeeded => PolicySet is not null;

    public CompiledPolicySet? PolicySet { get; }

    /// <summary>Empty when <see cref="Succeeded"/>.</summary>
    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }
}
