namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// What an event's subject means here: the users it names (found through their sessions), the active sessions of
/// the IdP session it names if it names one, and the identifiers under which a user status is kept.
/// </summary>
public sealed record ResolvedSubject(
    IReadOnlyList<SubjectUser> Users,
    bool NamesIdpSession,
    IReadOnlyList<Guid> IdpSessionSessions,
    IReadOnlyList<SubjectKey> Keys)
{
    public static readonly ResolvedSubject None = new([], false, [], []);

    /// <summary>Whether the subject could be tied to anything this receiver knows.</summary>
    public bool IsMapped => Users.Count > 0 || IdpSessionSessions.Count > 0 || Keys.Count > 0;
}
