namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>Every registered trigger by scenario name (case-insensitive), in the order of <see cref="ScenarioNames.All"/>.</summary>
internal sealed class ScenarioCatalog
{
    private readonly Dictionary<string, IScenarioTrigger> _byName;

    public ScenarioCatalog(IEnumerable<IScenarioTrigger> triggers)
    {
        _byName = new Dictionary<string, IScenarioTrigger>(StringComparer.OrdinalIgnoreCase);
        foreach (var trigger in triggers)
        {
            if (!_byName.TryAdd(trigger.Name, trigger))
            {
                throw new InvalidOperationException($"Two triggers are registered for the scenario '{trigger.Name}'.");
            }
        }

        All = [.. _byName.Values.OrderBy(trigger => IndexOf(trigger.Name)).ThenBy(trigger => trigger.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<IScenarioTrigger> All { get; }

    public ScenarioSelection Select(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !_byName.TryGetValue(name, out var trigger))
        {
            return new ScenarioSelection(ScenarioSelectionStatus.Unknown, null,
                $"There is no scenario '{name}'. Scenarios: {string.Join(", ", All.Select(known => known.Name))}.");
        }

        return trigger.Availability.IsAvailable
            ? new ScenarioSelection(ScenarioSelectionStatus.Ready, trigger, trigger.Description)
            : new ScenarioSelection(ScenarioSelectionStatus.Unavailable, trigger,
                $"The scenario '{trigger.Name}' is not available until {trigger.Availability.WaitingFor}.");
    }

    private static int IndexOf(string name)
    {
        var index = ScenarioNames.All.ToList().FindIndex(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
