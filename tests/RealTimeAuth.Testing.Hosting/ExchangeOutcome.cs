using System.Net;
using System.Text.Json;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>What the token endpoint answered: the issued token or the RFC 6749 §5.2 error, and the headers that matter.</summary>
public sealed record ExchangeOutcome(
    HttpStatusCode Status,
    string? Error,
    string? ErrorDescription,
    string? AccessToken,
    string? SessionId,
    JsonElement Body,
    string? WwwAuthenticate,
    string? CacheControl,
    string? ContentType)
{
    public static async Task<ExchangeOutcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        string? Read(string name) =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        return new ExchangeOutcome(
            response.StatusCode,
            Read("error"),
            Read("error_description"),
            Read("access_token"),
            Read("session_id"),
            body,
            response.Headers.WwwAuthenticate.ToString() is { Length: > 0 } challenge ? challenge : null,
            response.Headers.CacheControl?.ToString(),
            response.Content.Headers.ContentType?.MediaType)
        {
            RetryAfter = response.Headers.RetryAfter?.ToString(),
        };
    }

    /// <summary>The <c>Retry-After</c> header, as the server wrote it.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>The key the exchange's proof was made with: the issued session is bound to it. Set by <see cref="ExchangeRequests"/>.</summary>
    public ProofKey? Key { get; init; }

    public override string ToString() => $"{(int)Status} {Error}: {ErrorDescription}";
}
