using System.Net;
using System.Text.Json;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>What the push endpoint answered: status and, for a failure, the RFC 8935 <c>err</c> and <c>description</c>.</summary>
public sealed record PushResponse(HttpStatusCode Status, string? Error, string? Description, string? ContentType)
{
    public static async Task<PushResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        string? error = null, description = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            var body = JsonDocument.Parse(text).RootElement;
            error = body.TryGetProperty("err", out var err) ? err.GetString() : null;
            description = body.TryGetProperty("description", out var desc) ? desc.GetString() : null;
        }

        return new PushResponse(response.StatusCode, error, description, response.Content.Headers.ContentType?.MediaType);
    }
}
