using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Files;

/// <summary>A document read from a file, or the diagnostics that say why it could not be read.</summary>
public sealed class PolicyFileResult<T>
    where T : class
{
    internal PolicyFileResult(T? document, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    public T? Document { get; }

    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }
}
