using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Events that end sessions: CAEP session-revoked and credential-change, RISC sessions-revoked and account-credential-change-required.</summary>
internal sealed class RevocationEffects(SubjectResolver resolver, SessionRevoker revoker, IOptionsMonitor<SharedSignalsOptions> options)
{
    /// <summary>CAEP 1.0 §3.1: the named IdP session's sessions when the subject names one, else all of the user's.</summary>
    public async Task<SetEffectResult> SessionRevokedAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        var revoked = subject.NamesIdpSession
            ? await revoker.RevokeSessionsAsync(subject.IdpSessionSessions, RtaRevocationReasons.CaepSessionRevoked, received, cancellationToken)
            : await revoker.RevokeUsersAsync(subject.Users, RtaRevocationReasons.CaepSessionRevoked, received, cancellationToken);
        return EffectOutcomes.For(subject, SetEffectCodes.SessionsRevoked, new()
        {
            ["scope"] = subject.NamesIdpSession ? "idp_session" : "user",
            ["sessions"] = revoked.Count,
        });
    }

    /// <summary>CAEP 1.0 §3.3: revokes the user's sessions when the change type is one configured to.</summary>
    public Task<SetEffectResult> CredentialChangeAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var changeType = received.String("change_type")!;
        return options.CurrentValue.EffectiveCredentialChangeRevokesOn.Contains(changeType, StringComparer.OrdinalIgnoreCase)
            ? RevokeUserAsync(received, RtaRevocationReasons.CaepCredentialChange, cancellationToken)
            : Task.FromResult(SetEffectResult.Of(SetEffectCodes.NotRevokingChange, new Dictionary<string, object?> { ["change_type"] = changeType }));
    }

    /// <summary>Every session of the user, whatever session the subject names.</summary>
    public async Task<SetEffectResult> RevokeUserAsync(ReceivedEvent received, string reason, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        var revoked = await revoker.RevokeUsersAsync(subject.Users, reason, received, cancellationToken);
        return EffectOutcomes.For(subject, SetEffectCodes.SessionsRevoked, new() { ["scope"] = "user", ["sessions"] = revoked.Count });
    }
}
