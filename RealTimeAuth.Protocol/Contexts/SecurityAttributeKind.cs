namespace RealTimeAuth.Protocol.Contexts;

/// <summary>The type of a security attribute; each value is also the type tag byte of the canonical encoding.</summary>
public enum SecurityAttributeKind : byte
{
    /// <summary>Not a value (the default of <see cref="SecurityAttributeValue"/>); rejected by <see cref="SecurityContext"/>.</summary>
    None = 0,

    /// <summary>A Unicode string.</summary>
    String = 1,

    /// <summary>A signed 64-bit integer.</summary>
    Int64 = 2,

    /// <summary>True or false.</summary>
    Boolean = 3,

    /// <summary>An ordered list of strings.</summary>
    StringList = 4,

    /// <summary>A finite IEEE 754 binary64 number.</summary>
    Double = 5,
}
