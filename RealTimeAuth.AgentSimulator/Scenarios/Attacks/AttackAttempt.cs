namespace RealTimeAuth.AgentSimulator.Scenarios.Attacks;

/// <summary>
/// One thing the thief tried with the stolen token, and how the server answered. The attempt passes only when the
/// server refused it with one of <see cref="ExpectedReasons"/>; an attempt that succeeded is a breach.
/// </summary>
/// <param name="Attempt">What was tried, in words.</param>
/// <param name="ExpectedReasons">The refusal codes that are right for it (a replayed proof may be refused as replayed or stale, say).</param>
/// <param name="Refused">Whether the server refused it.</param>
/// <param name="Answer">The status and reason code the server gave, or why the attempt could not be made.</param>
/// <param name="Reason">The refusal code, when the server gave one.</param>
public sealed record AttackAttempt(string Attempt, IReadOnlyList<string> ExpectedReasons, bool Refused, string Answer, string? Reason)
{
    /// <summary>Refused, and for one of the right reasons.</summary>
    public bool Passed => Refused && Reason is not null && ExpectedReasons.Contains(Reason);
}
