namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A load run was refused before it touched anything: a non-local server, or revocation asked for without admin credentials.</summary>
public sealed class LoadRefusedException(string message) : Exception(message);
