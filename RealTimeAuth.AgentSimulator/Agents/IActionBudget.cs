namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>How many actions agents may still take; load runs share one between all their agents.</summary>
internal interface IActionBudget
{
    /// <summary>Takes one action from the budget; false when none is left.</summary>
    bool TryTake();
}
