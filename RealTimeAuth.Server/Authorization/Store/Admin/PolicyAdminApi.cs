using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Authorization.WhatIf;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>
/// <c>/admin/v1/policies</c>: stored policy versions. Reading needs <c>rta-auditor</c> or <c>rta-admin</c>;
/// creating a draft, what-if and publishing need <c>rta-admin</c>. Publishing is recorded with the admin's identity.
/// </summary>
public static class PolicyAdminApi
{
    private const string DiagnosticsExtension = "diagnostics";

    public static IEndpointRouteBuilder MapPolicyAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/policies").WithTags("Admin", "Policies").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/", ListAsync).WithName("ListPolicyVersions").WithSummary("Every stored policy version, newest first");
        api.MapGet("/{version:int}", GetAsync).WithName("GetPolicyVersion").WithSummary("One policy version with its document");
        api.MapGet("/{version:int}/export", ExportAsync).WithName("ExportPolicyVersion").WithSummary("The policy file of one version");
        api.MapPost("/validate", ValidateAsync).WithName("ValidatePolicy").WithSummary("Checks a policy file without storing it");
        api.MapPost("/", CreateAsync).WithName("CreatePolicyDraft").WithSummary("Stores a policy file as a draft version")
            .RequireAuthorization(AdminPolicies.Act);
        api.MapPost("/{version:int}/what-if", WhatIfAsync).WithName("PolicyWhatIf")
            .WithSummary("Live sessions and recent decisions a version would change").RequireAuthorization(AdminPolicies.Act);
        api.MapPost("/{version:int}/publish", PublishAsync).WithName("PublishPolicyVersion")
            .WithSummary("Makes a version active and re-evaluates live sessions").RequireAuthorization(AdminPolicies.Act);
        return app;
    }

    internal static async Task<JsonHttpResult<PolicyVersionList>> ListAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.PolicyVersions.AsNoTracking().OrderByDescending(row => row.Version).ToListAsync(cancellationToken);
        var active = rows.FirstOrDefault(row => row.Status == PolicyVersionStatuses.Active)?.Version;
        return TypedResults.Json(new PolicyVersionList(active, [.. rows.Select(PolicyVersionSummary.From)]), PolicyAdminJson.Options);
    }

    internal static async Task<Results<JsonHttpResult<PolicyVersionDetail>, NotFound>> GetAsync(int version, RtaDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Version == version, cancellationToken);
        return row is null ? TypedResults.NotFound() : TypedResults.Json(PolicyVersionDetail.From(row), PolicyAdminJson.Options);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(int version, RtaDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Version == version, cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        var name = string.IsNullOrWhiteSpace(row.Name) ? "policy" : string.Concat(row.Name.Where(char.IsAsciiLetterOrDigit));
        return TypedResults.File(Encoding.UTF8.GetBytes(row.Document), "application/json",
            string.Create(CultureInfo.InvariantCulture, $"{(name.Length == 0 ? "policy" : name)}.v{row.Version}.policy.json"));
    }

    internal static async Task<JsonHttpResult<PolicyValidationResponse>> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        return TypedResults.Json(PolicyValidationResponse.From(PolicyValidation.Of(text)), PolicyAdminJson.Options);
    }

    internal static async Task<Results<JsonHttpResult<PolicyVersionSummary>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal admin, PolicyStoreService store, CancellationToken cancellationToken)
    {
        CreatePolicyRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<CreatePolicyRequest>(await ReadBodyAsync(request, cancellationToken), PolicyAdminJson.Options);
        }
        catch (JsonException exception)
        {
            return Problem("The body is not JSON.", exception.Message);
        }

        if (body?.Document is not { ValueKind: JsonValueKind.Object } document)
        {
            return Problem("A policy file is required.", "The body must be { \"document\": { policy file }, \"comment\": \"…\" }.");
        }

        var text = document.GetRawText();
        var validation = PolicyValidation.Of(text);
        if (!validation.Valid)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The policy is invalid.",
                Detail = string.Join("; ", validation.Diagnostics),
                Extensions = { [DiagnosticsExtension] = validation.Diagnostics.Select(DiagnosticResponse.From).ToList() },
            });
        }

        var row = await store.CreateDraftAsync(text, body.Comment, AdminActor.Of(admin), cancellationToken);
        return TypedResults.Json(PolicyVersionSummary.From(row!), PolicyAdminJson.Options, statusCode: StatusCodes.Status201Created);
    }

    internal static async Task<Results<JsonHttpResult<WhatIfResponse>, NotFound>> WhatIfAsync(
        int version, PolicyWhatIf whatIf, CancellationToken cancellationToken)
    {
        var result = await whatIf.EvaluateAsync(version, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Json(result, PolicyAdminJson.Options);
    }

    internal static async Task<Results<JsonHttpResult<PublishResponse>, ProblemHttpResult, NotFound>> PublishAsync(
        int version, PublishRequest? request, ClaimsPrincipal admin, PolicyStoreService store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to publish."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "A reason is required to publish.",
            });
        }

        var outcome = await store.PublishAsync(version, request.Reason.Trim(), AdminActor.Of(admin), cancellationToken);
        if (outcome is null)
        {
            return TypedResults.NotFound();
        }

        var reevaluation = outcome.Reevaluation;
        return TypedResults.Json(
            new PublishResponse(outcome.Version, outcome.PublishedAt, reevaluation.SessionsEvaluated, reevaluation.SessionsRefreshed, reevaluation.SessionsRevoked)
            {
                ReevaluationError = reevaluation.Error,
            },
            PolicyAdminJson.Options);
    }

    internal static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail });
}
