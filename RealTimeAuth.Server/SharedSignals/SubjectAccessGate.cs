using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>Looks the user up in <c>subject_status</c> by every identifier the exchange knows for them.</summary>
internal sealed class SubjectAccessGate(RtaDbContext db) : ISubjectAccessGate
{
    // Compiled once: every exchange asks, and an ad-hoc query pays EF's expression evaluation and cache lookup each time.
    private static readonly Func<RtaDbContext, string, string, string?, string?, CancellationToken, Task<bool>> AnyBlock =
        EF.CompileAsyncQuery((RtaDbContext db, string issuer, string subject, string? email, string? phone, CancellationToken _) =>
            db.SubjectStatuses.AsNoTracking().Any(
                row => row.Issuer == issuer
                    && (((row.Format == SubjectFormats.IssuerSubject || row.Format == SubjectFormats.Opaque) && row.Value == subject)
                        || (email != null && row.Format == SubjectFormats.Email && row.Value == email)
                        || (phone != null && row.Format == SubjectFormats.PhoneNumber && row.Value == phone))));

    public Task<bool> IsBlockedAsync(string issuer, string subject, SecurityContext userContext, CancellationToken cancellationToken)
    {
        var email = Attribute(userContext, "user.email") is { } address ? SubjectKey.NormaliseEmail(address) : null;
        var phone = Attribute(userContext, "user.phone_number") is { } number ? SubjectKey.NormalisePhone(number) : null;
        return AnyBlock(db, IssuerNames.Canonical(issuer), subject, email, phone, cancellationToken);
    }

    private static string? Attribute(SecurityContext context, string name) =>
        context.Attributes.TryGetValue(name, out var value) && value.Kind == SecurityAttributeKind.String ? value.AsString() : null;
}
