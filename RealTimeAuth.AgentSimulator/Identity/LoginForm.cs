using System.Net;
using System.Text.RegularExpressions;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>The first form of a login page: where it posts and the values of its named inputs (hidden antiforgery token, return URL).</summary>
internal sealed partial class LoginForm
{
    private LoginForm(string? action, Dictionary<string, string> fields)
    {
        Action = action;
        Fields = fields;
    }

    /// <summary>The form's <c>action</c>, null when it posts back to the page.</summary>
    public string? Action { get; }

    public Dictionary<string, string> Fields { get; }

    /// <summary>True when the page asks for a password, which is how a login page is told from anything else.</summary>
    public bool HasPasswordField { get; private init; }

    public static LoginForm Read(string html)
    {
        var form = FormTag().Match(html);
        var scope = form.Success ? html[form.Index..] : html;
        var action = form.Success ? AttributesOf(form.Value).GetValueOrDefault("action") : null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var hasPassword = false;
        foreach (Match input in InputTag().Matches(scope))
        {
            var attributes = AttributesOf(input.Value);
            hasPassword |= string.Equals(attributes.GetValueOrDefault("type"), "password", StringComparison.OrdinalIgnoreCase);
            if (attributes.TryGetValue("name", out var name))
            {
                fields[name] = attributes.GetValueOrDefault("value", string.Empty);
            }
        }

        return new LoginForm(action, fields) { HasPasswordField = hasPassword };
    }

    private static Dictionary<string, string> AttributesOf(string tag) =>
        Attribute().Matches(tag)
            .GroupBy(match => match.Groups[1].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => WebUtility.HtmlDecode(group.First().Groups[2].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InputTag();

    [GeneratedRegex("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Attribute();
}
