using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// The AuthZEN Authorization API 1.0: access evaluation (single and batch), search and PDP metadata.
/// Every route echoes <c>X-Request-ID</c>; the <c>/access/v1</c> routes need a PEP API key.
/// </summary>
public static class AuthZenApi
{
    public const string Prefix = "/access/v1";
    public const string ConfigurationPath = "/.well-known/authzen-configuration";

    private const string ExecuteAll = "execute_all";
    private const string DenyOnFirstDeny = "deny_on_first_deny";
    private const string PermitOnFirstPermit = "permit_on_first_permit";

    public static IEndpointRouteBuilder MapAuthZenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ConfigurationPath, GetConfiguration)
            .WithName("AuthZenConfiguration").WithSummary("AuthZEN PDP metadata.").WithTags("AuthZEN")
            .AddEndpointFilter<RequestIdFilter>().AllowAnonymous();

        var api = endpoints.MapGroup(Prefix).WithTags("AuthZEN")
            .AddEndpointFilter<RequestIdFilter>()
            .AddEndpointFilter<ApiKeyFilter>()
            .AllowAnonymous();
        api.MapPost("/evaluation", EvaluateAsync).WithName("AuthZenEvaluation").WithSummary("Decides one access request.");
        api.MapPost("/evaluations", EvaluateManyAsync).WithName("AuthZenEvaluations").WithSummary("Decides a batch of access requests.");
        api.MapPost("/search/subject", AuthZenSearch.SubjectsAsync).WithName("AuthZenSearchSubject").WithSummary("Lists the subjects allowed an action on a resource.");
        api.MapPost("/search/resource", AuthZenSearch.ResourcesAsync).WithName("AuthZenSearchResource").WithSummary("Lists the resources a subject may act on.");
        api.MapPost("/search/action", AuthZenSearch.ActionsAsync).WithName("AuthZenSearchAction").WithSummary("Lists the actions a subject may take on a resource.");
        return endpoints;
    }

    internal static Ok<AuthZenConfiguration> GetConfiguration(HttpRequest request)
    {
        var issuer = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Ok(new AuthZenConfiguration(
            issuer,
            issuer + Prefix + "/evaluation",
            issuer + Prefix + "/evaluations",
            issuer + Prefix + "/search/subject",
            issuer + Prefix + "/search/resource",
            issuer + Prefix + "/search/action"));
    }

    internal static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> EvaluateAsync(
        HttpRequest request, AuthZenEvaluator evaluator, CancellationToken cancellationToken)
    {
        var (document, problem) = await AuthZenBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            if (document is null)
            {
                return problem!;
            }

            AccessRequest access;
            try
            {
                access = AccessRequestReader.Read(document.RootElement);
            }
            catch (JsonException exception)
            {
                return AuthZenBody.BadRequest(exception.Message);
            }

            if (AuthZenEvaluator.Validate(access) is { } invalid)
            {
                return AuthZenBody.BadRequest(invalid);
            }

            if (AuthZenLimits.Check(access) is { } refused)
            {
                return AuthZenLimits.Refused(refused);
            }

            return TypedResults.Ok(new EvaluationResponse(evaluator.EvaluateAudited(evaluator.Policy, access)));
        }
    }

    internal static async Task<Results<Ok<EvaluationsResponse>, Ok<EvaluationResponse>, ProblemHttpResult>> EvaluateManyAsync(
        HttpRequest request, AuthZenEvaluator evaluator, IOptions<AuthZenOptions> options, CancellationToken cancellationToken)
    {
        var (document, problem) = await AuthZenBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            if (document is null)
            {
                return problem!;
            }

            List<AccessRequest> items;
            string semantic;
            try
            {
                var root = document.RootElement;
                var defaults = AccessRequestReader.Read(root);
                semantic = Semantic(root);
                var listed = AccessRequestReader.Member(root, "evaluations", JsonValueKind.Array);
                if (listed is not { } array || array.GetArrayLength() == 0)
                {
                    // AuthZEN 1.0, section 7.1: without evaluations the request is a single evaluation.
                    return AuthZenEvaluator.Validate(defaults) is { } invalid ? AuthZenBody.BadRequest(invalid)
                        : AuthZenLimits.Check(defaults) is { } refused ? AuthZenLimits.Refused(refused)
                        : TypedResults.Ok(new EvaluationResponse(evaluator.EvaluateAudited(evaluator.Policy, defaults)));
                }

                if (array.GetArrayLength() > options.Value.MaxEvaluations)
                {
                    return AuthZenLimits.TooMany(options.Value.MaxEvaluations);
                }

                items = [.. array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object
                    ? AccessRequestReader.Read(item).Over(defaults)
                    : throw new JsonException("Each item of 'evaluations' must be a JSON object."))];
            }
            catch (JsonException exception)
            {
                return AuthZenBody.BadRequest(exception.Message);
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (AuthZenEvaluator.Validate(items[i]) is { } invalid)
                {
                    return AuthZenBody.BadRequest($"evaluations[{i}]: {invalid}");
                }

                if (AuthZenLimits.Check(items[i]) is { } refused)
                {
                    return AuthZenLimits.Refused(refused, $"evaluations[{i}].");
                }
            }

            return TypedResults.Ok(new EvaluationsResponse(Decide(evaluator, items, semantic)));
        }
    }

    private static List<EvaluationResponse> Decide(AuthZenEvaluator evaluator, List<AccessRequest> items, string semantic)
    {
        var policy = evaluator.Policy;
        var decisions = new List<EvaluationResponse>(items.Count);
        foreach (var item in items)
        {
            var allowed = evaluator.EvaluateAudited(policy, item);
            decisions.Add(new EvaluationResponse(allowed));
            if ((semantic == DenyOnFirstDeny && !allowed) || (semantic == PermitOnFirstPermit && allowed))
            {
                break;
            }
        }

        return decisions;
    }

    private static string Semantic(JsonElement root)
    {
        var options = AccessRequestReader.Member(root, "options", JsonValueKind.Object);
        var value = options is { } o ? AccessRequestReader.Member(o, "evaluations_semantic", JsonValueKind.String)?.GetString() : null;
        return value switch
        {
            null => ExecuteAll,
            ExecuteAll or DenyOnFirstDeny or PermitOnFirstPermit => value,
            _ => throw new JsonException($"options.evaluations_semantic must be {ExecuteAll}, {DenyOnFirstDeny} or {PermitOnFirstPermit}."),
        };
    }
}
