using System.Net;
using System.Text.Json;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>Reads the refusals of the limits in each error shape.</summary>
internal static class LimitProblems
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The <c>reason</c> of a ProblemDetails answer with <paramref name="status"/>.</summary>
    public static async Task<string?> ProblemReasonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        return body.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
    }

    public static string? Text(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value.GetString() : null;
}
