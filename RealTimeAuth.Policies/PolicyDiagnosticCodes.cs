namespace RealTimeAuth.Policies;

/// <summary>Stable codes of <see cref="PolicyDiagnostic"/>s, for APIs and tests to match on.</summary>
public static class PolicyDiagnosticCodes
{
    /// <summary>The file is not well-formed JSON of the expected shape (unknown or missing members included).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The <c>schema</c> field names a format this version does not read.</summary>
    public const string UnsupportedSchema = "unsupported-schema";

    /// <summary>A rule field is missing, empty or malformed.</summary>
    public const string InvalidRule = "invalid-rule";

    public const string DuplicateRule = "duplicate-rule";

    public const string TooManyRules = "too-many-rules";

    /// <summary>The condition is not well-formed: <c>===</c>, an unbalanced parenthesis, an unknown character.</summary>
    public const string Syntax = "syntax";

    /// <summary>The condition is longer than <see cref="PolicyLimits.MaxConditionLength"/>.</summary>
    public const string TooLong = "too-long";

    /// <summary>The condition nests deeper than <see cref="PolicyLimits.MaxConditionDepth"/>.</summary>
    public const string TooDeep = "too-deep";

    /// <summary>A name is neither a schema attribute nor a variable in scope (<c>subject.rolez</c>).</summary>
    public const string UnknownAttribute = "unknown-attribute";

    /// <summary>An operator or function does not accept the types it is given (<c>subject.roles == 3</c>).</summary>
    public const string TypeMismatch = "type-mismatch";

    /// <summary>A function is called with the wrong number of arguments.</summary>
    public const string Arity = "arity";

    /// <summary>A function or method outside the language (<c>subject.id.lower()</c>).</summary>
    public const string UnsupportedCall = "unsupported-call";

    /// <summary>A subject directory entry is missing, empty or malformed.</summary>
    public const string InvalidSubject = "invalid-subject";

    public const string DuplicateSubject = "duplicate-subject";

    /// <summary>A resource directory entry is missing, empty or malformed.</summary>
    public const string InvalidResource = "invalid-resource";

    public const string DuplicateResource = "duplicate-resource";
}
