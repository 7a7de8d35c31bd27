using System.Globalization;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>The space-separated whole numbers of a reply from the server process's control channel.</summary>
internal static class ReplyNumbers
{
    public static long[] Parse(string text, int count, string reply)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != count)
        {
            throw new FormatException($"Expected {count} numbers in the server's {reply} reply, got '{text}'.");
        }

        return [.. parts.Select(part => long.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture))];
    }
}
