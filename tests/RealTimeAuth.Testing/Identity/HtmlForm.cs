using System.Net;
using System.Text.RegularExpressions;

namespace RealTimeAuth.Testing.Identity;

/// <summary>Reads the named <c>&lt;input&gt;</c> values of a simple HTML form, such as the login page.</summary>
public static partial class HtmlForm
{
    public static Dictionary<string, string> ReadInputs(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value)
                .ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.TryGetValue("name", out var name))
            {
                fields[name] = attributes.GetValueOrDefault("value", "");
            }
        }

        return fields;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("([a-zA-Z_:-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
