namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Decisions an agent received, before and after the run's trigger fired.</summary>
public sealed record DecisionCounts(int AllowedBeforeTrigger, int DeniedBeforeTrigger, int AllowedAfterTrigger, int DeniedAfterTrigger)
{
    public int Allowed => AllowedBeforeTrigger + AllowedAfterTrigger;

    public int Denied => DeniedBeforeTrigger + DeniedAfterTrigger;
}
