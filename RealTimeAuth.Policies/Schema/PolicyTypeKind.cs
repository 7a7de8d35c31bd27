namespace RealTimeAuth.Policies.Schema;

/// <summary>The kinds of value a condition works with.</summary>
public enum PolicyTypeKind
{
    /// <summary>True or false.</summary>
    Bool,

    /// <summary>A signed 64-bit integer.</summary>
    Int,

    /// <summary>A finite IEEE 754 binary64 number.</summary>
    Double,

    /// <summary>A string, compared ordinally; may be restricted to an ordered set of values.</summary>
    String,

    /// <summary>A list of scalars of one type.</summary>
    List,

    /// <summary>An open property bag: string keys to string values.</summary>
    Map,

    /// <summary>The type of the <c>null</c> literal.</summary>
    Null,
}
