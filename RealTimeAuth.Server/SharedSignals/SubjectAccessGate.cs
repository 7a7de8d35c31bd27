using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>
/// Looks a batch of new sessions' users up in <c>subject_status</c> by every identifier known for them (subject, email,
/// phone), in one query: every exchange in a group commit shares it instead of paying a round trip of its own.
/// </summary>
internal sealed class SubjectAccessGate : INewSessionGate
{
    private static readonly string[] SubjectValueFormats = [SubjectFormats.IssuerSubject, SubjectFormats.Opaque];

    public async Task<IReadOnlySet<Guid>> RefusedAsync(RtaDbContext db, IReadOnlyList<SessionState> sessions, CancellationToken cancellationToken)
    {
        var users = sessions.Select(session => (session.Id, User: UserKeys.Of(session))).ToList();
        var issuers = users.Select(user => user.User.Issuer).Distinct().ToArray();
        var values = users.SelectMany(user => user.User.Values).Distinct().ToArray();
        var rows = await db.SubjectStatuses.AsNoTracking()
            .Where(row => issuers.Contains(row.Issuer) && values.Contains(row.Value))
            .Select(row => new { row.Format, row.Issuer, row.Value })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var blocked = rows.Select(row => (row.Format, row.Issuer, row.Value)).ToHashSet();
        return users.Where(user => user.User.IsIn(blocked)).Select(user => user.Id).ToHashSet();
    }

    private sealed record UserKeys(string Issuer, string Subject, string? Email, string? Phone)
    {
        public IEnumerable<string> Values => new[] { Subject, Email, Phone }.OfType<string>();

        public static UserKeys Of(SessionState session) => new(
            IssuerNames.Canonical(session.Issuer),
            session.Subject,
            Attribute(session.Context, "user.email") is { } address ? SubjectKey.NormaliseEmail(address) : null,
            Attribute(session.Context, "user.phone_number") is { } number ? SubjectKey.NormalisePhone(number) : null);

        public bool IsIn(HashSet<(string Format, string Issuer, string Value)> blocked) =>
            SubjectValueFormats.Any(format => blocked.Contains((format, Issuer, Subject)))
            || (Email is not null && blocked.Contains((SubjectFormats.Email, Issuer, Email)))
            || (Phone is not null && blocked.Contains((SubjectFormats.PhoneNumber, Issuer, Phone)));

        private static string? Attribute(SecurityContext context, string name) =>
            context.Attributes.TryGetValue(name, out var value) && value.Kind == SecurityAttributeKind.String ? value.AsString() : null;
    }
}
