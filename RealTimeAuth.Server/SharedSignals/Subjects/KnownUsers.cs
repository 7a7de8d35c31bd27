namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// Which of a round's users have sessions here, asked for the whole round of SETs in one statement before it is
/// applied, instead of one round trip per SET. Only an answer for a user it was asked about counts; the resolver asks
/// the session cache first every time, so a session that appears after the question is still seen once this replica
/// holds it.
/// </summary>
internal sealed class KnownUsers(IReadOnlySet<SubjectUser> asked, IReadOnlySet<SubjectUser> found)
{
    public static readonly KnownUsers None = new(new HashSet<SubjectUser>(), new HashSet<SubjectUser>());

    /// <summary>Whether the answer for <paramref name="user"/> is here; <paramref name="known"/> is it.</summary>
    public bool TryGet(SubjectUser user, out bool known)
    {
        known = found.Contains(user);
        return asked.Contains(user);
    }
}
