using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Authorization.Store.Admin;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary><c>/admin/v1/audit/decisions</c>: audited decisions, filtered and paged newest first, as JSON or CSV. Needs <c>rta-auditor</c> or <c>rta-admin</c>.</summary>
public static class DecisionAuditApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;
    private const int MaxCsvRows = 10_000;

    public static IEndpointRouteBuilder MapDecisionAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/audit").WithTags("Admin", "Audit").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/decisions", ListAsync).WithName("ListDecisionAudit").WithSummary("Audited decisions, newest first");
        api.MapGet("/decisions.csv", ExportAsync).WithName("ExportDecisionAudit").WithSummary("Audited decisions as CSV");
        return app;
    }

    internal static async Task<Results<JsonHttpResult<DecisionAuditPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] DecisionAuditQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        if (Filter(db, query, out var problem) is not { } rows)
        {
            return problem!;
        }

        var limit = Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit);
        var page = await rows.OrderByDescending(row => row.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? page[limit - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Json(new DecisionAuditPage([.. page.Take(limit).Select(DecisionAuditItem.From)], next), PolicyAdminJson.Options);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        [AsParameters] DecisionAuditQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        if (Filter(db, query, out var problem) is not { } rows)
        {
            return problem!;
        }

        var limit = Math.Clamp(query.Limit ?? MaxCsvRows, 1, MaxCsvRows);
        var page = await rows.OrderByDescending(row => row.Id).Take(limit).ToListAsync(cancellationToken);
        var csv = DecisionAuditCsv.Write(page.Select(DecisionAuditItem.From));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "decisions.csv");
    }

    private static IQueryable<DecisionAuditEntity>? Filter(RtaDbContext db, DecisionAuditQuery query, out ProblemHttpResult? problem)
    {
        problem = null;
        var rows = db.DecisionAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            rows = rows.Where(row => row.User == query.User);
        }

        if (!string.IsNullOrWhiteSpace(query.Agent))
        {
            rows = rows.Where(row => row.AgentChain.Contains(query.Agent));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(row => row.Action == query.Action);
        }

        switch (query.Decision)
        {
            case null or "":
                break;
            case "allow":
                rows = rows.Where(row => row.Allowed);
                break;
            case "deny":
                rows = rows.Where(row => !row.Allowed);
                break;
            default:
                problem = Invalid("decision", "decision must be 'allow' or 'deny'.");
                return null;
        }

        if (query.From is { } from)
        {
            rows = rows.Where(row => row.Time >= from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            rows = rows.Where(row => row.Time <= to.ToUniversalTime());
        }

        if (!string.IsNullOrEmpty(query.Before))
        {
            if (!long.TryParse(query.Before, NumberStyles.None, CultureInfo.InvariantCulture, out var before))
            {
                problem = Invalid("before", "before must be the 'next' cursor of a previous page.");
                return null;
            }

            rows = rows.Where(row => row.Id < before);
        }

        return rows;
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = message,
        });
}
