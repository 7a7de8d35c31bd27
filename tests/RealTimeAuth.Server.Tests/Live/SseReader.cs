using System.Text.Json;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>Reads Server-Sent Events from a response body, each read bounded by <see cref="LiveServer.Timeout"/>.</summary>
internal sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    public sealed record Event(string? Type, string? Id, JsonElement Data);

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<Event?> NextAsync()
    {
        using var deadline = new CancellationTokenSource(LiveServer.Timeout);
        string? type = null;
        string? id = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return new Event(type, id, JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone());
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event":
                    type = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        return null;
    }

    public async Task<Event> NextOfTypeAsync(string type)
    {
        while (true)
        {
            var next = await NextAsync();
            Assert.NotNull(next);
            if (next.Type == type)
            {
                return next;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
