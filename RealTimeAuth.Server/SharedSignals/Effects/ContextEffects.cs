using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// Events that change what is known about the user: their context is updated in every live session, which
/// re-hashes the context and pushes fresh tokens (and the policy decision point re-decides on them).
/// </summary>
internal sealed class ContextEffects(SubjectResolver resolver, SessionContextUpdates sessions)
{
    private const string NistAal = "NIST-AAL";

    /// <summary>CAEP 1.0 §3.8: <c>user.risk_level</c> = low, medium or high.</summary>
    public Task<SetEffectResult> RiskLevelAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var level = received.String("current_level")!.ToLowerInvariant();
        return UpdateAsync(received, context => context.With(SubjectAttributes.RiskLevel, level),
            new() { [SubjectAttributes.RiskLevel] = level, ["principal"] = received.String("principal") }, cancellationToken);
    }

    /// <summary>CAEP 1.0 §3.5: <c>user.device_compliant</c>.</summary>
    public Task<SetEffectResult> DeviceComplianceAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var compliant = received.String("current_status") == "compliant";
        return UpdateAsync(received, context => context.With(SubjectAttributes.DeviceCompliant, compliant),
            new() { [SubjectAttributes.DeviceCompliant] = compliant }, cancellationToken);
    }

    /// <summary>
    /// CAEP 1.0 §3.4: <c>user.assurance_level</c>. A NIST-AAL level is kept as is (<c>nist-aal2</c>); another namespace's
    /// level is qualified by it (<c>Retinal Scan/hi-res-scan</c>), so it can never pass for a NIST level.
    /// </summary>
    public Task<SetEffectResult> AssuranceLevelAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var space = received.String("namespace")!;
        var level = received.String("current_level")!;
        var value = string.Equals(space, NistAal, StringComparison.OrdinalIgnoreCase) ? level.ToLowerInvariant() : $"{space}/{level}";
        return UpdateAsync(received, context => context.With(SubjectAttributes.AssuranceLevel, value),
            new() { [SubjectAttributes.AssuranceLevel] = value }, cancellationToken);
    }

    /// <summary>CAEP 1.0 §3.2: the changed claims, mapped by <see cref="TokenClaimsMapping"/>.</summary>
    public Task<SetEffectResult> TokenClaimsAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        var (change, applied) = TokenClaimsMapping.From(received.Payload.GetProperty("claims"));
        return UpdateAsync(received, change, new() { ["claims"] = applied }, cancellationToken);
    }

    private async Task<SetEffectResult> UpdateAsync(
        ReceivedEvent received, Func<SecurityContext, SecurityContext> change, Dictionary<string, object?> detail, CancellationToken cancellationToken)
    {
        var subject = await resolver.ResolveAsync(received.Subject, received.Stream, cancellationToken);
        var changed = 0;
        foreach (var user in subject.Users)
        {
            changed += (await sessions.UpdateSubjectContextAsync(
                user.Issuer, user.Subject, change, EffectOutcomes.ShortName(received.EventType), received.Actor, cancellationToken)).Count;
        }

        detail["sessions"] = changed;
        return EffectOutcomes.For(subject, SetEffectCodes.ContextUpdated, detail);
    }
}
