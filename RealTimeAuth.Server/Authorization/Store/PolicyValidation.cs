using System.Collections.Immutable;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Server.Authorization.Store;

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
