using Microsoft.AspNetCore.WebUtilities;

namespace RealTimeAuth.Testing.Identity;

/// <summary>What the authorization endpoint sent to the client's redirect URI.</summary>
public sealed record AuthorizationCallback(string? Code, string? Error, string? ErrorDescription)
{
    public static AuthorizationCallback Parse(Uri redirect, string expectedState)
    {
        var query = QueryHelpers.ParseQuery(redirect.Query);
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;

        // RFC 6749 §10.12: a callback whose state is not ours is not ours to use.
        if (Get("state") != expectedState)
        {
            throw new InvalidOperationException("The authorization response carries a foreign state.");
        }

        return new AuthorizationCallback(Get("code"), Get("error"), Get("error_description"));
    }

    /// <summary>Reads OpenIddict's plain-text error page (<c>error:…</c>, <c>error_description:…</c> lines).</summary>
    public static AuthorizationCallback FromErrorPage(string body)
    {
        var fields = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        return new AuthorizationCallback(null, fields.GetValueOrDefault("error"), fields.GetValueOrDefault("error_description"));
    }
}
