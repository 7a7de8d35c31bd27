namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A demo user disabled through the trigger API: they can neither sign in nor get tokens until enabled.</summary>
public sealed class DisabledUserRecord
{
    public required string SubjectId { get; set; }

    public DateTimeOffset DisabledAt { get; set; }
}
