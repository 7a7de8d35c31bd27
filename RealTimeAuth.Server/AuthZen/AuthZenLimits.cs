using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Server.Authorization.Limits;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// The size limits of AuthZEN requests (ADR 0019): every request's fields against <see cref="DecisionInputLimits"/>, and
/// a batch's length against <see cref="AuthZenOptions.MaxEvaluations"/>. A refusal is a 400 problem with a stable
/// <c>reason</c> and the <c>field</c> it concerns.
/// </summary>
internal static class AuthZenLimits
{
    /// <summary>The reason of a batch longer than <see cref="AuthZenOptions.MaxEvaluations"/>.</summary>
    public const string TooManyEvaluations = "too-many-evaluations";

    public static DecisionInputRefusal? Check(AccessRequest request) => DecisionInputLimits.Check(new DecisionInput(
        request.Action,
        request.Resource?.Type,
        request.Resource?.Id,
        request.Resource?.Properties,
        request.Context is { ValueKind: JsonValueKind.Object } context ? Members(context) : null,
        request.Subject?.Type,
        request.Subject?.Id,
        request.Subject?.Properties));

    public static ProblemHttpResult Refused(DecisionInputRefusal refusal, string? prefix = null) =>
        Problem(prefix + refusal.Detail, refusal.Reason, prefix + refusal.Field);

    public static ProblemHttpResult TooMany(int max) =>
        Problem($"'evaluations' has more than {max} items.", TooManyEvaluations, "evaluations");

    private static ProblemHttpResult Problem(string detail, string reason, string field) =>
        TypedResults.Problem(
            detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid AuthZEN request",
            extensions: new Dictionary<string, object?> { ["reason"] = reason, ["field"] = field });

    /// <summary>Every member of the context with its text: a nested value counts, and is measured by its JSON text.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Members(JsonElement context) =>
        context.EnumerateObject().Select(member => KeyValuePair.Create(
            member.Name, member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText()));
}
