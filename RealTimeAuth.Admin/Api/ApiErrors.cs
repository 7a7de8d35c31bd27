using System.Net;
using System.Text.Json;

namespace RealTimeAuth.Admin.Api;

/// <summary>Turns an unsuccessful response into a sentence an admin can act on, using RFC 9457 details when present.</summary>
internal static class ApiErrors
{
    public static async Task<ApiResult<T>> FromResponseAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => ApiResult<T>.Fail(ApiStatus.NotFound, "Not found."),
            HttpStatusCode.Unauthorized => ApiResult<T>.Fail(ApiStatus.Unauthorized, "Your sign-in has expired. Sign in again."),
            HttpStatusCode.Forbidden => ApiResult<T>.Fail(ApiStatus.Forbidden, "Your role does not allow this."),
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity =>
                ApiResult<T>.Fail(ApiStatus.Invalid, Describe(body) ?? "The server refused the request."),
            _ => ApiResult<T>.Fail(ApiStatus.Failed, $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}."),
        };
    }

    public static ApiResult<T> FromException<T>(Exception exception) =>
        ApiResult<T>.Fail(ApiStatus.Failed, exception switch
        {
            TaskCanceledException => "The server did not answer in time.",
            HttpRequestException => "The server could not be reached.",
            JsonException => "The server's answer could not be read.",
            _ => "The request failed.",
        });

    private static string? Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var messages = errors.EnumerateObject().SelectMany(field => field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(message => message.GetString()) : []).Where(message => message is not null);
                var text = string.Join(" ", messages);
                if (text.Length > 0)
                {
                    return text;
                }
            }

            return root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString()
                : root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
