using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary><c>/admin/v1/resources</c>: export the resource directory (read) and import a new one (act).</summary>
public static class ResourceDirectoryAdminApi
{
    public static IEndpointRouteBuilder MapResourceDirectoryAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/resources").WithTags("Admin", "Policies").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/", ExportAsync).WithName("ExportResourceDirectory").WithSummary("The resource directory file in use");
        api.MapPut("/", ImportAsync).WithName("ImportResourceDirectory").WithSummary("Imports a resource directory file")
            .RequireAuthorization(AdminPolicies.Act);
        return app;
    }

    internal static async Task<ContentHttpResult> ExportAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.ResourceDirectoryVersions.AsNoTracking()
            .OrderByDescending(row => row.Version).Select(row => row.Document).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Content(latest ?? ResourceDirectoryFile.Write(ResourceDirectory.Empty), "application/json");
    }

    internal static async Task<Results<JsonHttpResult<ResourceDirectoryImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal admin, ResourceDirectoryStore store, CancellationToken cancellationToken)
    {
        var text = await PolicyAdminApi.ReadBodyAsync(request, cancellationToken);
        var import = await store.ImportAsync(text, "resource directory import", AdminActor.Of(admin), cancellationToken);
        if (!import.Succeeded)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The resource directory is invalid.",
                Detail = string.Join("; ", import.Diagnostics),
                Extensions = { ["diagnostics"] = import.Diagnostics.Select(DiagnosticResponse.From).ToList() },
            });
        }

        return TypedResults.Json(new ResourceDirectoryImportResponse(import.Directory.Count), PolicyAdminJson.Options);
    }
}
