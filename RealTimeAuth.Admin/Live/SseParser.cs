namespace RealTimeAuth.Admin.Live;

/// <summary>Reads Server-Sent Events (WHATWG HTML §9.2) line by line: event type and joined data; comments are skipped.</summary>
public static class SseParser
{
    public static async IAsyncEnumerable<(string Type, string Data)> ReadAsync(
        TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return (type, string.Join('\n', data));
                }

                type = "message";
                data.Clear();
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (field == "event")
            {
                type = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }
    }
}
