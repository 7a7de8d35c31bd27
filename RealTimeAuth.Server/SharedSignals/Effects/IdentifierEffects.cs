using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// RISC identifier-changed moves an email or phone number to its new value, in the users' contexts and in
/// <c>subject_status</c>; identifier-recycled means the identifier now names someone else, so the old holder's
/// sessions end and the sender's status does not follow the identifier to its new holder (RISC 1.0 §2.5, §2.6). Another
/// transmitter's block is never lifted by either: it stays where it is (and is copied to a changed identifier's new value).
/// </summary>
internal sealed class IdentifierEffects(SubjectResolver resolver, SubjectStatusStore statuses, SessionRevoker revoker, SessionContextUpdates sessions)
{
    public async Task<SetEffectResult> ChangedAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var format = SubjectIdentifierRules.FormatOf(received.Subject);
        var (attribute, oldValue, newValue) = format switch
        {
            SubjectFormats.Email => (SubjectAttributes.Email, SubjectIdentifierRules.MemberString(received.Subject, "email"), received.String("new-value")),
            SubjectFormats.PhoneNumber => (SubjectAttributes.PhoneNumber, SubjectIdentifierRules.MemberString(received.Subject, "phone_number"), received.String("new-value")),
            _ => (null, null, null),
        };
        if (attribute is null || oldValue is null || newValue is null)
        {
            // An iss_sub or opaque id names the user itself; sessions keep the identity they were made with.
            return SetEffectResult.Of(SetEffectCodes.SubjectNotMappable, new Dictionary<string, object?> { ["format"] = format });
        }

        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        var changed = 0;
        foreach (var user in subject.Users)
        {
            changed += (await sessions.UpdateSubjectContextAsync(user.Issuer, user.Subject,
                context => Replace(context, attribute, oldValue, newValue), EffectOutcomes.ShortName(received.EventType), received.Actor, cancellationToken)).Count;
        }

        var normalised = format == SubjectFormats.Email ? SubjectKey.NormaliseEmail(newValue) : SubjectKey.NormalisePhone(newValue);
        var moved = await statuses.RenameAsync(subject.Keys.Where(key => key.Format == format), normalised, received.Issuer, cancellationToken);
        return SetEffectResult.Of(SetEffectCodes.MappingUpdated, new Dictionary<string, object?>
        {
            ["attribute"] = attribute,
            ["users"] = subject.Users.Count,
            ["sessions"] = changed,
            ["statuses_moved"] = moved,
        });
    }

    public async Task<SetEffectResult> RecycledAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        var format = SubjectIdentifierRules.FormatOf(received.Subject);
        var revoked = await revoker.RevokeUsersAsync(subject.Users, RtaRevocationReasons.RiscIdentifierRecycled, received, cancellationToken);
        var (removed, held) = await statuses.LiftAsync(
            subject.Keys.Where(key => key.Format == format && format != SubjectFormats.IssuerSubject), received.Issuer, cancellationToken);
        return SetEffectResult.Of(SetEffectCodes.MappingBroken, new Dictionary<string, object?>
        {
            ["users"] = subject.Users.Count,
            ["sessions"] = revoked.Count,
            ["statuses_removed"] = removed,
            ["statuses_held_by_others"] = held,
        });
    }

    private static SecurityContext Replace(SecurityContext context, string attribute, string oldValue, string newValue) =>
        context.Attributes.TryGetValue(attribute, out var current) && current.Kind == SecurityAttributeKind.String
        && string.Equals(current.AsString(), oldValue, StringComparison.OrdinalIgnoreCase)
            ? context.With(attribute, newValue)
            : context;
}
