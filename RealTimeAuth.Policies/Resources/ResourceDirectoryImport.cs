using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Resources;

/// <summary>The resource directory an import produced, or every diagnostic that prevented it.</summary>
public sealed class ResourceDirectoryImport
{
    internal ResourceDirectoryImport(ResourceDirectory? directory, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        Directory = directory;
        Diagnostics = diagnostics;
    }

    [MemberNotNullWhen(true, nameof(Directory))]
    public bool Succeeded => Directory is not null;

    public ResourceDirectory? Directory { get; }

    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }
}
