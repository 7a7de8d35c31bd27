namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Tokens of a session with a sequence below <see cref="Before"/> are refused from <see cref="At"/> on: the client
/// acknowledged token <see cref="Before"/>, and <see cref="At"/> leaves it a grace to stop using the older ones.
/// </summary>
public sealed record TokenCutoff(uint Before, DateTimeOffset At)
{
    public bool Retires(uint sequence, DateTimeOffset now) => sequence < Before && now >= At;
}
