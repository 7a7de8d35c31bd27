namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Mutable counts behind <see cref="DecisionCounts"/>; guarded by its owner's lock.</summary>
internal sealed class DecisionTally
{
    private int _allowedBefore;
    private int _deniedBefore;
    private int _allowedAfter;
    private int _deniedAfter;

    public void Add(bool allowed, bool afterTrigger)
    {
        switch (allowed, afterTrigger)
        {
            case (true, false): _allowedBefore++; break;
            case (false, false): _deniedBefore++; break;
            case (true, true): _allowedAfter++; break;
            case (false, true): _deniedAfter++; break;
        }
    }

    public DecisionCounts Snapshot() => new(_allowedBefore, _deniedBefore, _allowedAfter, _deniedAfter);
}
