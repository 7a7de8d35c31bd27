using System.Buffers;
using System.Globalization;
using System.Text;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Audited decisions as RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they hold a comma, quote or
/// line break. Users, agents, actions and resource ids come from callers, so a field a spreadsheet would read as a
/// formula is written as text (OWASP, CSV injection). <c>truncated</c> is <c>true</c> for a row the writer had to cut to
/// store (ADR 0019), so an export never passes a shortened field off as what the caller sent.
/// </summary>
public static class DecisionAuditCsv
{
    public const string Header = "id,time,sessionId,user,agentChain,action,resourceType,resourceId,decision,policyVersion,reason,source,keyChain,truncated";

    public static string Write(IEnumerable<DecisionAuditItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var item in items)
        {
            string?[] fields =
            [
                item.Id.ToString(CultureInfo.InvariantCulture),
                item.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                item.SessionId?.ToString(),
                item.User,
                string.Join(' ', item.AgentChain),
                item.Action,
                item.ResourceType,
                item.ResourceId,
                item.Decision,
                item.PolicyVersion,
                item.Reason,
                item.Source,
                string.Join(' ', item.KeyChain),
                item.Truncated ? "true" : "false",
            ];
            text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// RFC 4180 section 2: a field with a comma, quote, CR or LF is quoted, its quotes doubled. A field starting with
    /// <c>= + - @</c>, a tab or a CR is prefixed with an apostrophe and quoted, so no spreadsheet evaluates it.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (FormulaStarts.Contains(value[0]))
        {
            return "\"'" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
}
