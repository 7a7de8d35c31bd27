using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>The outcome when a subject leads nowhere, else the effect with its details.</summary>
internal static class EffectOutcomes
{
    public static SetEffectResult For(ResolvedSubject subject, string effect, Dictionary<string, object?> detail, IReadOnlyList<SubjectUser>? resweep = null)
    {
        if (subject.Users.Count == 0 && subject.IdpSessionSessions.Count == 0 && effect is SetEffectCodes.SessionsRevoked or SetEffectCodes.ContextUpdated)
        {
            return SetEffectResult.Of(subject.Keys.Count == 0 ? SetEffectCodes.SubjectNotMappable : SetEffectCodes.NoMatchingSubject, detail);
        }

        detail["users"] = subject.Users.Count;
        return new SetEffectResult(effect, detail, resweep ?? []);
    }

    /// <summary>The short name of an event type for reasons: <c>caep-risk-level-change</c>.</summary>
    public static string ShortName(string eventType)
    {
        var profile = eventType.Contains("/caep/", StringComparison.Ordinal) ? "caep"
            : eventType.Contains("/risc/", StringComparison.Ordinal) ? "risc" : "ssf";
        return $"{profile}-{eventType[(eventType.LastIndexOf('/') + 1)..]}";
    }
}
