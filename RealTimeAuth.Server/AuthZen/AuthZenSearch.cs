using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// AuthZEN search (1.0, section 8): the candidates are the directory's subjects of the asked type, the
/// literal resource ids of the asked type in the policy (and the request's own id), and the policy's
/// action names. Each candidate is evaluated; the allowed ones are paged with opaque tokens.
/// </summary>
internal static class AuthZenSearch
{
    public static Task<Results<Ok<SearchResponse<SearchEntity>>, ProblemHttpResult>> SubjectsAsync(
        HttpRequest request, AuthZenEvaluator evaluator, PageTokenProtector tokens, CancellationToken cancellationToken) =>
        SearchAsync(request, evaluator, tokens, "subject", needSubjectId: false, needResourceId: true, needAction: true, (policy, query) =>
            policy.Directory.Subjects
                .Where(s => s.Type == query.Subject!.Type)
                .Select(s => s.Id)
                .Order(StringComparer.Ordinal)
                .Where(id => evaluator.Evaluate(policy, query with { Subject = query.Subject! with { Id = id } }))
                .Select(id => new SearchEntity(query.Subject!.Type!, id)), cancellationToken);

    public static Task<Results<Ok<SearchResponse<SearchEntity>>, ProblemHttpResult>> ResourcesAsync(
        HttpRequest request, AuthZenEvaluator evaluator, PageTokenProtector tokens, CancellationToken cancellationToken) =>
        SearchAsync(request, evaluator, tokens, "resource", needSubjectId: true, needResourceId: false, needAction: true, (policy, query) =>
            policy.Document.Rules
                .SelectMany(rule => rule.Resources)
                .Where(resource => resource.Type == query.Resource!.Type)
                .SelectMany(resource => resource.Ids ?? [])
                .Append(query.Resource!.Id)
                .OfType<string>()
                .Where(id => id.Length > 0 && !id.Contains('*', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Where(id => evaluator.Evaluate(policy, query with { Resource = query.Resource with { Id = id } }))
                .Select(id => new SearchEntity(query.Resource.Type!, id)), cancellationToken);

    public static Task<Results<Ok<SearchResponse<SearchAction>>, ProblemHttpResult>> ActionsAsync(
        HttpRequest request, AuthZenEvaluator evaluator, PageTokenProtector tokens, CancellationToken cancellationToken) =>
        SearchAsync(request, evaluator, tokens, "action", needSubjectId: true, needResourceId: true, needAction: false, (policy, query) =>
            policy.Document.Rules
                .SelectMany(rule => rule.Actions)
                .Where(name => name != "*")
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Where(name => evaluator.Evaluate(policy, query with { Action = name }))
                .Select(name => new SearchAction(name)), cancellationToken);

    private static async Task<Results<Ok<SearchResponse<T>>, ProblemHttpResult>> SearchAsync<T>(
        HttpRequest request, AuthZenEvaluator evaluator, PageTokenProtector tokens, string kind,
        bool needSubjectId, bool needResourceId, bool needAction,
        Func<PolicySnapshot, AccessRequest, IEnumerable<T>> find, CancellationToken cancellationToken)
    {
        var (document, problem) = await AuthZenBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            if (document is null)
            {
                return problem!;
            }

            var policy = evaluator.Policy;
            SearchQuery query;
            try
            {
                query = SearchQuery.Read(kind, document.RootElement, policy);
            }
            catch (JsonException exception)
            {
                return AuthZenBody.BadRequest(exception.Message);
            }

            if (AuthZenEvaluator.Validate(query.Request, needSubjectId, needResourceId, needAction) is { } invalid)
            {
                return AuthZenBody.BadRequest(invalid);
            }

            if (AuthZenLimits.Check(query.Request) is { } refused)
            {
                return AuthZenLimits.Refused(refused);
            }

            var offset = 0;
            if (query.Token is { } token && !tokens.TryUnprotect(token, query.Key, out offset))
            {
                return AuthZenBody.BadRequest("page.token is not valid for this query.");
            }

            var allowed = policy is null ? [] : find(policy, query.Request).ToList();
            if (offset > allowed.Count)
            {
                return AuthZenBody.BadRequest("page.token is not valid for this query.");
            }

            var results = allowed.Skip(offset).Take(query.Limit).ToList();
            var next = offset + results.Count < allowed.Count ? tokens.Protect(offset + results.Count, query.Key) : string.Empty;
            return TypedResults.Ok(new SearchResponse<T>(results, new SearchPage(next, results.Count, allowed.Count)));
        }
    }
}
