namespace RealTimeAuth.Testing.Servers;

/// <summary>Reads the last lines of a server log for error messages.</summary>
internal static class LogTail
{
    private const int LineCount = 30;

    public static string Read(string path)
    {
        try
        {
            return File.Exists(path) ? Format(File.ReadAllLines(path)) : $"(no log at {path})";
        }
        catch (IOException exception)
        {
            return $"(could not read {path}: {exception.Message})";
        }
    }

    public static string Format(IEnumerable<string> lines)
    {
        var tail = lines.TakeLast(LineCount).ToArray();
        return tail.Length == 0 ? "(empty)" : string.Join(Environment.NewLine, tail);
    }
}
