using System.Globalization;
using System.Text;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>Prints an input so a failure message shows it exactly, control and non-ASCII characters escaped.</summary>
internal static class Escape
{
    public static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c is < ' ' or > '~' or '"' or '\\' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.Append('"').ToString();
    }

    public static string Utf8(ReadOnlySpan<byte> bytes) => Text(Encoding.UTF8.GetString(bytes)) + " (hex " + Convert.ToHexString(bytes) + ")";
}
