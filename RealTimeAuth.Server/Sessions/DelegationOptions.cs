using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Sessions;

/// <summary>Limits on sessions and delegation (configuration section <c>Sessions</c>).</summary>
public sealed class DelegationOptions
{
    public const string SectionName = "Delegation";

    /// <summary>How deep a delegation tree may grow below the root session.</summary>
    [Range(0, 32)]
    public int MaxDelegationDepth { get; set; } = 6;
}
