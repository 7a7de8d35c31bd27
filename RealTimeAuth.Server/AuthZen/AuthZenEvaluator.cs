using System.Collections.Frozen;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Decides AuthZEN requests with the <see cref="ActivePolicy"/>: the subject is looked up in the policy's
/// directory (by type and id, else by <c>properties.email</c>), its <c>properties</c> become subject
/// attributes, <c>resource.properties</c> (the authenticated PEP is trusted; the resource directory completes them) and
/// <c>context</c> go to the condition maps. Without an
/// active policy every request is denied.
/// </summary>
internal sealed class AuthZenEvaluator(ActivePolicy active, TimeProvider timeProvider, DecisionRecorder? recorder = null)
{
    public PolicySnapshot? Policy => active.Current;

    /// <summary>Why a request is incomplete (AuthZEN requires subject type and id, action name, resource type and id), or null.</summary>
    public static string? Validate(AccessRequest request, bool needSubjectId = true, bool needResourceId = true, bool needAction = true)
    {
        if (string.IsNullOrEmpty(request.Subject?.Type) || (needSubjectId && string.IsNullOrEmpty(request.Subject.Id)))
        {
            return needSubjectId ? "subject.type and subject.id are required." : "subject.type is required.";
        }

        if (string.IsNullOrEmpty(request.Resource?.Type) || (needResourceId && string.IsNullOrEmpty(request.Resource.Id)))
        {
            return needResourceId ? "resource.type and resource.id are required." : "resource.type is required.";
        }

        return needAction && string.IsNullOrEmpty(request.Action) ? "action.name is required." : null;
    }

    /// <summary>Decides without auditing: for the search endpoints, which try many candidates.</summary>
    public bool Evaluate(PolicySnapshot? policy, AccessRequest request) =>
        policy is not null && policy.PolicySet.Evaluate(Request(policy, request, Subject(policy, request.Subject!))).Allowed;

    /// <summary>Decides an evaluation request and records it in the decision audit (with the subject as the caller gave it).</summary>
    public bool EvaluateAudited(PolicySnapshot? policy, AccessRequest request)
    {
        var bare = Request(policy, request, Bare(request.Subject!));
        PolicyDecision? decision = policy is null
            ? null
            : policy.PolicySet.Evaluate(bare with { Subject = SubjectEnrichment.Enrich(bare.Subject, policy.Directory) });
        recorder?.RecordAuthZen(in bare, decision);
        return decision?.Allowed ?? false;
    }

    // The PEP is authenticated and trusted: its resource properties are resource.properties (ADR 0017).
    private DecisionRequest Request(PolicySnapshot? policy, AccessRequest request, PolicySubject subject) => new()
    {
        Subject = subject,
        Action = request.Action!,
        Resource = ResourceEnrichment.FromTrustedPep(
            policy?.Resources ?? ResourceDirectory.Empty, request.Resource!.Type!, request.Resource.Id, request.Resource.Properties),
        RequestContext = request.Context is { } context ? PropertyBag.FromJson(context) : null,
        Time = timeProvider.GetUtcNow(),
    };

    private static PolicySubject Subject(PolicySnapshot policy, EntityReference subject) => SubjectEnrichment.Enrich(Bare(subject), policy.Directory);

    private static PolicySubject Bare(EntityReference subject)
    {
        var properties = subject.Properties ?? PropertyBag.Empty;
        return new PolicySubject
        {
            Type = subject.Type!,
            Id = subject.Id!,
            Email = properties.TryGetValue("email", out var email) ? email : null,
            Attributes = properties.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }
}
