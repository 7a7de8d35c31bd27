using System.Globalization;

namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>A command followed by <c>--name value</c> options; every option given must be read, so a typo fails the run.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandLine(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new UsageException("Name a command first.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 1; index < args.Count; index += 2)
        {
            var name = args[index];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new UsageException($"Expected an option like --agents, got '{name}'.");
            }

            if (index + 1 >= args.Count)
            {
                throw new UsageException($"Option {name} needs a value.");
            }

            if (!options.TryAdd(name[2..], args[index + 1]))
            {
                throw new UsageException($"Option {name} is given twice.");
            }
        }

        return new CommandLine(args[0], options);
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (Raw(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, got '{text}'.");
    }

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback, int min, int max)
    {
        if (Raw(name) is not { } text)
        {
            return fallback;
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < min || value > max)
            {
                throw new UsageException($"--{name} takes whole numbers from {min} to {max} separated by commas, got '{text}'.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new UsageException($"--{name} is empty.");
    }

    public string? Text(string name) => Raw(name);

    /// <summary>Fails on any option no setting read.</summary>
    public void EnsureAllRead()
    {
        var unknown = _options.Keys.Where(name => !_read.Contains(name)).Select(name => $"--{name}").ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option(s) for '{Command}': {string.Join(", ", unknown)}.");
        }
    }

    private string? Raw(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }
}
