using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>Reads an AuthZEN request body: JSON content type and a JSON object, or the reason for a 400.</summary>
internal static class AuthZenBody
{
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, "The request body must be application/json.");
        }

        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
    }

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid AuthZEN request");
}
