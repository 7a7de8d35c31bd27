using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Applies one accepted SET by its event type. Every effect is idempotent, so applying a SET again after a crash changes nothing twice.</summary>
internal sealed class SetEffectDispatcher(
    RevocationEffects revocations, ContextEffects contexts, AccountStatusEffects accounts, IdentifierEffects identifiers, StreamEffects streams)
{
    public Task<SetEffectResult> ApplyAsync(ReceivedEvent received, CancellationToken cancellationToken) => received.EventType switch
    {
        SsfEventTypes.SessionRevoked => revocations.SessionRevokedAsync(received, cancellationToken),
        SsfEventTypes.CredentialChange => revocations.CredentialChangeAsync(received, cancellationToken),
        SsfEventTypes.RiscSessionsRevoked => revocations.RevokeUserAsync(received, RtaRevocationReasons.RiscSessionsRevoked, cancellationToken),
        SsfEventTypes.AccountCredentialChangeRequired => revocations.RevokeUserAsync(received, RtaRevocationReasons.RiscCredentialChangeRequired, cancellationToken),

        SsfEventTypes.TokenClaimsChange => contexts.TokenClaimsAsync(received, cancellationToken),
        SsfEventTypes.AssuranceLevelChange => contexts.AssuranceLevelAsync(received, cancellationToken),
        SsfEventTypes.DeviceComplianceChange => contexts.DeviceComplianceAsync(received, cancellationToken),
        SsfEventTypes.RiskLevelChange => contexts.RiskLevelAsync(received, cancellationToken),

        SsfEventTypes.AccountDisabled => accounts.BlockAsync(received, Subjects.SubjectStatusStore.Disabled, RtaRevocationReasons.RiscAccountDisabled, cancellationToken),
        SsfEventTypes.AccountPurged => accounts.BlockAsync(received, Subjects.SubjectStatusStore.Purged, RtaRevocationReasons.RiscAccountPurged, cancellationToken),
        SsfEventTypes.CredentialCompromise => accounts.BlockAsync(received, Subjects.SubjectStatusStore.Compromised, RtaRevocationReasons.RiscCredentialCompromise, cancellationToken),
        SsfEventTypes.AccountEnabled => accounts.EnableAsync(received, cancellationToken),

        SsfEventTypes.IdentifierChanged => identifiers.ChangedAsync(received, cancellationToken),
        SsfEventTypes.IdentifierRecycled => identifiers.RecycledAsync(received, cancellationToken),

        SsfEventTypes.Verification => streams.VerificationAsync(received, cancellationToken),
        SsfEventTypes.StreamUpdated => streams.StreamUpdatedAsync(received, cancellationToken),

        SsfEventTypes.SessionEstablished or SsfEventTypes.SessionPresented
            or SsfEventTypes.OptIn or SsfEventTypes.OptOutInitiated or SsfEventTypes.OptOutCancelled or SsfEventTypes.OptOutEffective
            or SsfEventTypes.RecoveryActivated or SsfEventTypes.RecoveryInformationChanged => Task.FromResult(SetEffectResult.Of(SetEffectCodes.Recorded)),

        _ => Task.FromResult(SetEffectResult.Of(SetEffectCodes.UnknownEvent)),
    };
}
