using System.Net;
using System.Text.Json;

namespace RealTimeAuth.Testing.Identity;

/// <summary>A token endpoint answer: the tokens on success, <c>error</c> otherwise.</summary>
public sealed record TokenResponse(
    HttpStatusCode Status,
    string? AccessToken,
    string? RefreshToken,
    string? IdToken,
    string? Error)
{
    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = json.RootElement;
        return new TokenResponse(
            response.StatusCode,
            Read(root, "access_token"),
            Read(root, "refresh_token"),
            Read(root, "id_token"),
            Read(root, "error"));
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
