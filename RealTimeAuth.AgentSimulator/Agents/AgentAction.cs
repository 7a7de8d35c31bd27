namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Something an agent does to a kind of resource, for example <c>write records</c>; the server decides it by scope today, by policy later.</summary>
public sealed record AgentAction(string Name, string ResourceType)
{
    public static AgentAction Read(string resourceType) => new("read", resourceType);

    public static AgentAction Write(string resourceType) => new("write", resourceType);

    /// <summary>How reports name it: <c>write records</c>.</summary>
    public string Key => $"{Name} {ResourceType}";

    public override string ToString() => Key;
}
