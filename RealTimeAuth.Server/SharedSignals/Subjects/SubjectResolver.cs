using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// Maps an event's subject identifier to this server's users and sessions, only among the issuers the stream
/// speaks for: <c>iss_sub</c> by (issuer, subject); <c>email</c> and <c>phone_number</c> by the user's attributes
/// in the session context; <c>opaque</c> by IdP session id, else as a subject; a complex subject by its
/// <c>user</c>, narrowed to its <c>session</c>; <c>aliases</c> by each identifier. Other formats map to nothing.
/// </summary>
internal sealed class SubjectResolver(RtaDbContext db, SessionCache cache)
{
    private const string Active = "Active";
    private const int MaxValueLength = 512;
    private const int MaxUsersPerQuery = 100;

    private KnownUsers _known = KnownUsers.None;

    public async Task<ResolvedSubject> ResolveAsync(JsonElement subject, SsfStreamDescriptor stream, CancellationToken cancellationToken)
    {
        var (identifiers, idpSessionId) = Split(subject);
        var users = new HashSet<SubjectUser>();
        var keys = new HashSet<SubjectKey>();
        var scope = Variants(stream.SubjectIssuers);
        List<Guid>? idpSessionSessions = null;
        foreach (var identifier in identifiers)
        {
            var (found, foundKeys, sessions) = await ResolveIdentifierAsync(identifier, stream, scope, cancellationToken);
            users.UnionWith(found);
            keys.UnionWith(foundKeys);
            if (sessions is not null)
            {
                (idpSessionSessions ??= []).AddRange(sessions);
            }
        }

        if (idpSessionId is not null)
        {
            idpSessionSessions = await SessionsOfIdpSessionAsync(idpSessionId, scope, users.Count > 0 ? users : null, cancellationToken);
        }

        if (idpSessionSessions is { Count: > 0 })
        {
            var owners = await db.Sessions.AsNoTracking()
                .Where(row => idpSessionSessions.Contains(row.Id))
                .Select(row => new { row.Issuer, row.Subject })
                .Distinct()
                .ToListAsync(cancellationToken);
            users.UnionWith(owners.Select(owner => new SubjectUser(owner.Issuer, owner.Subject)));
        }

        keys.UnionWith(users.Select(user => new SubjectKey(SubjectFormats.IssuerSubject, IssuerNames.Canonical(user.Issuer), user.Subject)));
        // A value longer than any stored identifier can name no user here, and would not fit the status table.
        return new ResolvedSubject([.. users], idpSessionSessions is not null, idpSessionSessions ?? [], [.. keys.Where(key => key.Value.Length <= MaxValueLength)]);
    }

    /// <summary>The user identifiers of a subject, and the IdP session it names.</summary>
    private static (List<JsonElement> Identifiers, string? IdpSessionId) Split(JsonElement subject)
    {
        switch (SubjectIdentifierRules.FormatOf(subject))
        {
            case SubjectFormats.Complex:
                var user = subject.TryGetProperty("user", out var member) ? Expand(member) : [];
                var session = subject.TryGetProperty("session", out var sessionMember)
                    ? SubjectIdentifierRules.MemberString(sessionMember, "id") ?? SubjectIdentifierRules.MemberString(sessionMember, "sub")
                    : null;
                return (user, session);
            default:
                return (Expand(subject), null);
        }
    }

    private static List<JsonElement> Expand(JsonElement identifier) =>
        SubjectIdentifierRules.FormatOf(identifier) == SubjectFormats.Aliases
            ? [.. identifier.GetProperty("identifiers").EnumerateArray()]
            : [identifier];

    private async Task<(IEnumerable<SubjectUser> Users, IEnumerable<SubjectKey> Keys, List<Guid>? IdpSessionSessions)> ResolveIdentifierAsync(
        JsonElement identifier, SsfStreamDescriptor stream, string[] scope, CancellationToken cancellationToken)
    {
        string? Member(string name) => SubjectIdentifierRules.MemberString(identifier, name);
        IEnumerable<SubjectKey> ScopedKeys(string format, string value) => stream.SubjectIssuers.Select(issuer => new SubjectKey(format, issuer, value));

        switch (SubjectIdentifierRules.FormatOf(identifier))
        {
            case SubjectFormats.IssuerSubject:
                var issuer = IssuerNames.Canonical(Member("iss")!);
                if (!stream.SubjectIssuers.Contains(issuer))
                {
                    return ([], [], null);
                }

                var subject = Member("sub")!;
                return (await UsersWithSubjectAsync(IssuerNames.Variants(issuer), subject, cancellationToken),
                    [new SubjectKey(SubjectFormats.IssuerSubject, issuer, subject)], null);

            case SubjectFormats.Email:
                var email = SubjectKey.NormaliseEmail(Member("email")!);
                return (await UsersAsync($"SELECT DISTINCT issuer AS \"Issuer\", subject AS \"Subject\" FROM sessions WHERE issuer = ANY({scope}) AND lower(context -> 'user.email' ->> 's') = {email}", cancellationToken),
                    ScopedKeys(SubjectFormats.Email, email), null);

            case SubjectFormats.PhoneNumber:
                var phone = SubjectKey.NormalisePhone(Member("phone_number")!);
                return (await UsersAsync($"SELECT DISTINCT issuer AS \"Issuer\", subject AS \"Subject\" FROM sessions WHERE issuer = ANY({scope}) AND regexp_replace(context -> 'user.phone_number' ->> 's', '[^0-9+]', '', 'g') = {phone}", cancellationToken),
                    ScopedKeys(SubjectFormats.PhoneNumber, phone), null);

            case SubjectFormats.Opaque:
                // An opaque id names an IdP session when a session carries it, and otherwise a user.
                var id = Member("id")!;
                var sessions = await SessionsOfIdpSessionAsync(id, scope, users: null, cancellationToken);
                if (sessions.Count > 0)
                {
                    return ([], [], sessions);
                }

                return (await UsersWithSubjectAsync(scope, id, cancellationToken),
                    ScopedKeys(SubjectFormats.Opaque, id), null);

            default:
                return ([], [], null);
        }
    }

    /// <summary>Active sessions carrying the IdP session id; of <paramref name="users"/> only when given, including their sessions whose IdP session is unknown.</summary>
    private async Task<List<Guid>> SessionsOfIdpSessionAsync(string idpSessionId, string[] scope, IReadOnlyCollection<SubjectUser>? users, CancellationToken cancellationToken)
    {
        if (users is null)
        {
            return await db.Sessions.AsNoTracking()
                .Where(row => scope.Contains(row.Issuer) && row.IdpSessionId == idpSessionId && row.Status == Active)
                .Select(row => row.Id).ToListAsync(cancellationToken);
        }

        var ids = new List<Guid>();
        foreach (var user in users)
        {
            // A session whose IdP session is unknown may belong to the revoked one: it goes too (fail closed).
            ids.AddRange(await db.Sessions.AsNoTracking()
                .Where(row => row.Issuer == user.Issuer && row.Subject == user.Subject && row.Status == Active
                    && (row.IdpSessionId == idpSessionId || row.IdpSessionId == null))
                .Select(row => row.Id).ToListAsync(cancellationToken));
        }

        return ids;
    }

    /// <summary>
    /// The users with this subject at any of these issuers. A spelling with a live session here needs no query, nor
    /// one the round's <see cref="KnownUsers"/> answered; the others are asked by <see cref="WithSessionsAsync"/>.
    /// </summary>
    private async Task<List<SubjectUser>> UsersWithSubjectAsync(string[] issuers, string subject, CancellationToken cancellationToken)
    {
        var candidates = issuers.Select(issuer => new SubjectUser(issuer, subject)).ToList();
        var found = new HashSet<SubjectUser>();
        var unknown = new List<SubjectUser>();
        foreach (var user in candidates)
        {
            if (cache.HasActive(user.Issuer, user.Subject))
            {
                found.Add(user);
            }
            else if (_known.TryGet(user, out var known))
            {
                if (known)
                {
                    found.Add(user);
                }
            }
            else
            {
                unknown.Add(user);
            }
        }

        if (unknown.Count > 0)
        {
            found.UnionWith(await WithSessionsAsync(unknown, cancellationToken));
        }

        return [.. candidates.Where(found.Contains)];
    }

    /// <summary>
    /// The users an <c>iss_sub</c> subject (alone, in aliases, or as a complex subject's user) may name, each issuer
    /// spelling, for <see cref="FindKnownUsersAsync"/>.
    /// </summary>
    public static IEnumerable<SubjectUser> IssuerSubjectUsers(JsonElement subject, SsfStreamDescriptor stream) =>
        Split(subject).Identifiers
            .Where(identifier => SubjectIdentifierRules.FormatOf(identifier) == SubjectFormats.IssuerSubject)
            .Select(identifier => (Issuer: IssuerNames.Canonical(SubjectIdentifierRules.MemberString(identifier, "iss")!), Subject: SubjectIdentifierRules.MemberString(identifier, "sub")!))
            .Where(pair => stream.SubjectIssuers.Contains(pair.Issuer))
            .SelectMany(pair => IssuerNames.Variants(pair.Issuer).Select(issuer => new SubjectUser(issuer, pair.Subject)));

    /// <summary>Asks, for a round of SETs at once, which of these users have sessions; a user live in the cache is not asked.</summary>
    public async Task<KnownUsers> FindKnownUsersAsync(IEnumerable<SubjectUser> users, CancellationToken cancellationToken)
    {
        var asked = users.Where(user => !cache.HasActive(user.Issuer, user.Subject)).ToHashSet();
        var found = new HashSet<SubjectUser>();
        foreach (var chunk in asked.Chunk(MaxUsersPerQuery))
        {
            found.UnionWith(await WithSessionsAsync(chunk, cancellationToken));
        }

        return new KnownUsers(asked, found);
    }

    /// <summary>Answers the resolver's user questions from <paramref name="known"/> where it can, for this scope.</summary>
    public void Use(KnownUsers known) => _known = known;

    /// <summary>
    /// Which of these users have any session: one statement, a <c>LIMIT 1</c> branch per user, each with its issuer and
    /// subject as plain values. Asked as one <c>EXISTS</c> over an array, PostgreSQL hashed every session of the table
    /// whenever its statistics said most sessions were this user's (a load test's one user with 30,000 sessions:
    /// 40–57 ms), and the first agent of a revocation storm waited for it. With the values in sight the planner probes
    /// the index for a user no session has.
    /// </summary>
    private async Task<HashSet<SubjectUser>> WithSessionsAsync(IReadOnlyList<SubjectUser> users, CancellationToken cancellationToken)
    {
        var branches = users.Select((_, index) =>
            $"(SELECT issuer AS \"Issuer\", subject AS \"Subject\" FROM sessions WHERE issuer = {{{2 * index}}} AND subject = {{{(2 * index) + 1}}} LIMIT 1)");
        var sql = FormattableStringFactory.Create(string.Join(" UNION ALL ", branches), [.. users.SelectMany(user => new object[] { user.Issuer, user.Subject })]);
        return [.. (await db.Database.SqlQuery<SubjectUserRow>(sql).ToListAsync(cancellationToken)).Select(row => new SubjectUser(row.Issuer, row.Subject))];
    }

    private async Task<List<SubjectUser>> UsersAsync(FormattableString sql, CancellationToken cancellationToken) =>
        [.. (await db.Database.SqlQuery<SubjectUserRow>(sql).ToListAsync(cancellationToken)).Select(row => new SubjectUser(row.Issuer, row.Subject))];

    private static string[] Variants(IEnumerable<string> issuers) => [.. issuers.SelectMany(IssuerNames.Variants)];
}
