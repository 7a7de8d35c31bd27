using System.Text.RegularExpressions;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>
/// Counts the server's log entries at Warning level or above from its console output (the simple console format:
/// a <c>warn: Category[id]</c> line, then indented message lines). Entries known to be harmless are set aside and
/// listed with the rule that ignored them, so a report says what it did not count.
/// </summary>
internal sealed partial class ServerLogTally
{
    /// <summary>Rules for entries that are not faults, each with the reason it is ignored.</summary>
    public static readonly IReadOnlyList<(string Rule, Func<ServerLogEntry, bool> Matches)> Ignored =
    [
        ("EF Core's probe of __EFMigrationsHistory on a fresh database (Database.Command[20102], before the table exists)",
            entry => entry.Category == "Microsoft.EntityFrameworkCore.Database.Command" && entry.Text.Contains("__EFMigrationsHistory", StringComparison.Ordinal)),
    ];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServerLogEntry> _open = new(StringComparer.Ordinal);
    private readonly List<ServerLogEntry> _counted = [];
    private readonly List<ServerLogEntry> _ignored = [];

    /// <summary>One line of the server's output on <paramref name="stream"/> (each stream keeps its own entry open).</summary>
    public void Add(string stream, string line)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(stream, out var open) && line.StartsWith(' '))
            {
                _open[stream] = open with { Text = open.Text + "\n" + line.Trim() };
                return;
            }

            Close(stream);
            if (Header().Match(line) is { Success: true } header)
            {
                _open[stream] = new ServerLogEntry(header.Groups["level"].Value, header.Groups["category"].Value, header.Groups["id"].Value, line);
            }
        }
    }

    /// <summary>Entries counted and ignored so far (open entries are closed first).</summary>
    public (IReadOnlyList<ServerLogEntry> Counted, IReadOnlyList<ServerLogEntry> Ignored) Snapshot()
    {
        lock (_lock)
        {
            foreach (var stream in _open.Keys.ToList())
            {
                Close(stream);
            }

            return ([.. _counted], [.. _ignored]);
        }
    }

    private void Close(string stream)
    {
        if (_open.Remove(stream, out var entry))
        {
            (Ignored.Any(rule => rule.Matches(entry)) ? _ignored : _counted).Add(entry);
        }
    }

    [GeneratedRegex(@"^(?<level>warn|fail|crit): (?<category>[^\[\s]+)\[(?<id>\d+)\]")]
    private static partial Regex Header();
}
