using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary><c>/admin/v1/directory</c>: export the subject directory (read) and import a new one (act).</summary>
public static class DirectoryAdminApi
{
    public static IEndpointRouteBuilder MapDirectoryAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/directory").WithTags("Admin", "Policies").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/", ExportAsync).WithName("ExportDirectory").WithSummary("The subject directory file in use");
        api.MapPut("/", ImportAsync).WithName("ImportDirectory").WithSummary("Imports a subject directory file and re-evaluates live sessions")
            .RequireAuthorization(AdminPolicies.Act);
        return app;
    }

    internal static async Task<ContentHttpResult> ExportAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.SubjectDirectoryVersions.AsNoTracking()
            .OrderByDescending(row => row.Version).Select(row => row.Document).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Content(latest ?? SubjectDirectoryFile.Write(SubjectDirectory.Empty), "application/json");
    }

    internal static async Task<Results<JsonHttpResult<DirectoryImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal admin, PolicyStoreService store, CancellationToken cancellationToken)
    {
        var text = await PolicyAdminApi.ReadBodyAsync(request, cancellationToken);
        var import = await store.ImportDirectoryAsync(text, "directory import", AdminActor.Of(admin), cancellationToken);
        if (!import.Succeeded)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The directory is invalid.",
                Detail = string.Join("; ", import.Diagnostics),
                Extensions = { ["diagnostics"] = import.Diagnostics.Select(DiagnosticResponse.From).ToList() },
            });
        }

        return TypedResults.Json(new DirectoryImportResponse(import.Directory.Count), PolicyAdminJson.Options);
    }
}
