using System.Collections.Immutable;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>Runs a generic step with the .NET type that carries a <see cref="PolicyType"/>, without reflection.</summary>
internal interface ITypeVisitor<out TResult>
{
    TResult Visit<T>();
}

internal static class TypeVisitor
{
    /// <summary>Visits with the representation of <paramref name="type"/> itself (scalars, lists, maps).</summary>
    public static TResult Accept<TResult>(PolicyType type, ITypeVisitor<TResult> visitor) => type.Kind switch
    {
        PolicyTypeKind.List => type.ElementType!.Kind switch
        {
            PolicyTypeKind.Bool => visitor.Visit<ImmutableArray<bool>>(),
            PolicyTypeKind.Int => visitor.Visit<ImmutableArray<long>>(),
            PolicyTypeKind.Double => visitor.Visit<ImmutableArray<double>>(),
            _ => visitor.Visit<ImmutableArray<string>>(),
        },
        PolicyTypeKind.Map => visitor.Visit<IReadOnlyDictionary<string, string>>(),
        _ => AcceptScalar(type, visitor),
    };

    /// <summary>Visits with the representation of a scalar type.</summary>
    public static TResult AcceptScalar<TResult>(PolicyType type, ITypeVisitor<TResult> visitor) => type.Kind switch
    {
        PolicyTypeKind.Bool => visitor.Visit<bool>(),
        PolicyTypeKind.Int => visitor.Visit<long>(),
        PolicyTypeKind.Double => visitor.Visit<double>(),
        PolicyTypeKind.String => visitor.Visit<string>(),
        _ => throw new ArgumentException($"{type} is not a scalar.", nameof(type)),
    };
}
