using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>Reads an AuthZEN request body: JSON content type and a JSON object of valid Unicode text, or the 400 to answer.</summary>
internal static class AuthZenBody
{
    /// <summary>The <c>reason</c> of a body with a name or string that is not UTF-8, or whose JSON escapes spell a lone surrogate.</summary>
    public const string InvalidUnicode = "invalid-unicode";

    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, BadRequest("The request body must be application/json."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, BadRequest("The request body is not valid JSON."));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, BadRequest("The request body must be a JSON object."));
        }

        if (!JsonText.IsValidUnicode(document.RootElement))
        {
            document.Dispose();
            return (null, BadRequest("A name or string in the request body is not valid Unicode text (invalid UTF-8 or a lone surrogate escape).", InvalidUnicode));
        }

        return (document, null);
    }

    public static ProblemHttpResult BadRequest(string detail, string? reason = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid AuthZEN request",
            extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
}
