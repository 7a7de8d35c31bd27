using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Subjects;

/// <summary>The directory an import produced, or every diagnostic that prevented it.</summary>
public sealed class SubjectDirectoryImport
{
    internal SubjectDirectoryImport(SubjectDirectory? directory, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        Directory = directory;
        Diagnostics = diagnostics;
    }

    [MemberNotNullWhen(true, nameof(Directory))]
    public bool Succeeded => Directory is not null;

    public SubjectDirectory? Directory { get; }

    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }
}
