using System.Collections.Frozen;
using RealTimeAuth.Server.Decisions;
using RealTimeAuth.Server.Policies;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Decides AuthZEN requests with the <see cref="ActivePolicy"/>: the subject is looked up in the policy's
/// directory (by type and id, else by <c>properties.email</c>), its <c>properties</c> become subject
/// attributes, <c>resource.properties</c> and <c>context</c> go to the condition maps. Without an
/// active policy every request is denied.
/// </summary>
internal sealed class AuthZenEvaluator(ActivePolicy active, TimeProvider timeProvider)
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

    public bool Evaluate(PolicySnapshot? policy, AccessRequest request) =>
        policy is not null && policy.PolicySet.Evaluate(new DecisionRequest
        {
            Subject = Subject(policy, request.Subject!),
            Action = request.Action!,
            Resource = new PolicyResource { Type = request.Resource!.Type!, Id = request.Resource.Id, Properties = request.Resource.Properties },
            RequestContext = request.Context is { } context ? PropertyBag.FromJson(context) : null,
            Time = timeProvider.GetUtcNow(),
        }).Allowed;

    private static PolicySubject Subject(PolicySnapshot policy, EntityReference subject)
    {
        var properties = subject.Properties ?? PropertyBag.Empty;
        var bare = new PolicySubject
        {
            Type = subject.Type!,
            Id = subject.Id!,
            Email = properties.TryGetValue("email", out var email) ? email : null,
            Attributes = properties.ToFrozenDictionary(StringComparer.Ordinal),
        };
        return SubjectEnrichment.Enrich(bare, policy.Directory);
    }
}
