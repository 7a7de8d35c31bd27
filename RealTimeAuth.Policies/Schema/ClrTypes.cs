using System.Collections.Immutable;

namespace RealTimeAuth.Policies.Schema;

/// <summary>The .NET type that carries values of each <see cref="PolicyType"/> at evaluation time.</summary>
internal static class ClrTypes
{
    public static Type Of(PolicyType type) => type.Kind switch
    {
        PolicyTypeKind.Bool => typeof(bool),
        PolicyTypeKind.Int => typeof(long),
        PolicyTypeKind.Double => typeof(double),
        PolicyTypeKind.String => typeof(string),
        PolicyTypeKind.List => typeof(ImmutableArray<>).MakeGenericType(Of(type.ElementType!)),
        PolicyTypeKind.Map => typeof(IReadOnlyDictionary<string, string>),
        _ => typeof(object),
    };
}
