using System.Collections.Immutable;
using RealTimeAuth.Server.Policies;
using RealTimeAuth.Server.Policies.Files;
using RealTimeAuth.Server.Policies.Model;
using RealTimeAuth.Server.Policies.Schema;

namespace RealTimeAuth.Server.PolicyStore;

/// <summary>A policy file read and compiled against the built-in schema: the document and rule count, or the diagnostics.</summary>
public sealed record PolicyValidation(PolicySetDocument? Document, int RuleCount, ImmutableArray<PolicyDiagnostic> Diagnostics)
{
    public bool Valid => Diagnostics.IsEmpty && Document is not null;

    public static PolicyValidation Of(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = PolicyFile.Read(json);
        if (!file.Succeeded)
        {
            return new PolicyValidation(null, 0, file.Diagnostics);
        }

        var compilation = PolicyCompiler.Compile(file.Document, AttributeSchema.Default, string.Empty);
        return new PolicyValidation(file.Document, file.Document.Rules?.Count ?? 0, compilation.Diagnostics);
    }
}
