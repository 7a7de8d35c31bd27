using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// What applying one SET did: a stable code, details for admins, and the users whose sessions should be swept once
/// more shortly (after an event blocked them, to catch an exchange that raced the block).
/// </summary>
public sealed record SetEffectResult(string Effect, IReadOnlyDictionary<string, object?> Detail, IReadOnlyList<SubjectUser> Resweep)
{
    public static SetEffectResult Of(string effect, IReadOnlyDictionary<string, object?>? detail = null) =>
        new(effect, detail ?? new Dictionary<string, object?>(), []);
}
