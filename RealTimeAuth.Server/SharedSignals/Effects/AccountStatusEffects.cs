using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// RISC account-disabled, account-purged and credential-compromise block the user (no new exchange) and end their
/// sessions; account-enabled lifts the block (RISC 1.0 §2.2–2.4, §2.7). Each transmitter's block is its own: account-enabled
/// lifts only the sender's, and while another transmitter's block remains the user stays blocked (ADR 0020).
/// </summary>
internal sealed class AccountStatusEffects(SubjectResolver resolver, SubjectStatusStore statuses, SessionRevoker revoker)
{
    public async Task<SetEffectResult> BlockAsync(ReceivedEvent received, string status, string revocationReason, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        if (subject.Keys.Count == 0)
        {
            return SetEffectResult.Of(SetEffectCodes.SubjectNotMappable);
        }

        // Block first, then revoke: an exchange that slips between the two is caught by the resweep.
        await statuses.BlockAsync(subject.Keys, received.Issuer, status, received.String("reason") ?? received.Text("reason_admin"), received.EventType, received.Jti, cancellationToken);
        var revoked = await revoker.RevokeUsersAsync(subject.Users, revocationReason, received, cancellationToken);
        return new SetEffectResult(SetEffectCodes.SubjectBlocked, new Dictionary<string, object?>
        {
            ["status"] = status,
            ["identifiers"] = subject.Keys.Count,
            ["users"] = subject.Users.Count,
            ["sessions"] = revoked.Count,
        }, subject.Users);
    }

    public async Task<SetEffectResult> EnableAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        if (subject.Keys.Count == 0)
        {
            return SetEffectResult.Of(SetEffectCodes.SubjectNotMappable);
        }

        var (removed, held) = await statuses.LiftAsync(subject.Keys, received.Issuer, cancellationToken);
        return SetEffectResult.Of(held > 0 ? SetEffectCodes.BlockHeldByOtherTransmitter : SetEffectCodes.SubjectUnblocked,
            new Dictionary<string, object?> { ["identifiers"] = removed, ["held_by_others"] = held });
    }
}
