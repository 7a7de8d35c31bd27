using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Admin.Extensions;

namespace RealTimeAuth.Admin.Auth;

/// <summary>
/// <c>/export/decisions.csv</c>: the decision audit as CSV for a browser download. The browser has no token for the
/// server, so the console forwards the request with the admin's own access token from the cookie session.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/decisions.csv", ExportDecisionsAsync).RequireAuthorization(ConsolePolicies.Read).WithName("ExportDecisions");
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportDecisionsAsync(
        HttpContext context, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var token = await context.GetTokenAsync("access_token");
        if (token is null)
        {
            return TypedResults.Problem("Sign in again to export.", statusCode: StatusCodes.Status401Unauthorized);
        }

        using var http = clients.CreateClient(AdminConsoleExtensions.ApiClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/v1/audit/decisions.csv" + context.Request.QueryString);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return TypedResults.Problem($"The server answered {(int)response.StatusCode}.", statusCode: (int)response.StatusCode);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return TypedResults.File(bytes, "text/csv", "decisions.csv");
    }
}
