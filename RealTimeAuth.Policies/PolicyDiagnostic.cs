using System.Text;

namespace RealTimeAuth.Policies;

/// <summary>
/// Why a policy set, condition or directory file was rejected: a stable <see cref="Code"/> (see
/// <see cref="PolicyDiagnosticCodes"/>), the rule and field concerned, and a 1-based position. For a
/// condition the position is inside the condition text; for malformed JSON it is inside the file.
/// </summary>
public sealed record PolicyDiagnostic
{
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>The rule's id, when the problem is inside a rule that has one.</summary>
    public string? RuleId { get; init; }

    /// <summary>Where in the document: <c>rules[3].condition</c>, <c>subjects[0].id</c>, <c>schema</c>.</summary>
    public string? Field { get; init; }

    /// <summary>1-based line; 0 when the problem has no position.</summary>
    public int Line { get; init; }

    /// <summary>1-based column in UTF-16 code units; 0 when the problem has no position.</summary>
    public int Column { get; init; }

    /// <summary>For example <c>rule 'todo-update' rules[3].condition (1:14): unknown-attribute: …</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (RuleId is not null)
        {
            text.Append("rule '").Append(RuleId).Append("' ");
        }

        if (Field is not null)
        {
            text.Append(Field).Append(' ');
        }

        if (Line > 0)
        {
            text.Append('(').Append(Line).Append(':').Append(Column).Append(") ");
        }

        return text.Append(Code).Append(": ").Append(Message).ToString();
    }
}
