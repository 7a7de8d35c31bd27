using Microsoft.AspNetCore.WebUtilities;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>Reads the authorization response the IdP sent to the client's redirect URI (RFC 6749 §4.1.2).</summary>
internal static class AuthorizationCallback
{
    /// <summary>The authorization code.</summary>
    /// <exception cref="SignInException">The state is not ours, or the IdP answered with an error.</exception>
    public static string ReadCode(Uri redirect, string expectedState)
    {
        var query = QueryHelpers.ParseQuery(redirect.Query);
        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;

        // RFC 6749 §10.12: a response whose state is not the one we sent is not ours to use.
        if (Get("state") != expectedState)
        {
            throw new SignInException("invalid_state", "The authorization response carries a state this sign-in did not send.");
        }

        if (Get("error") is { } error)
        {
            throw new SignInException(error, $"The identity provider refused the authorization request: {error} {Get("error_description")}".TrimEnd());
        }

        return Get("code") is { Length: > 0 } code
            ? code
            : throw new SignInException("invalid_response", "The authorization response carries neither a code nor an error.");
    }

    /// <summary>True when <paramref name="location"/> is the redirect URI, whatever its query.</summary>
    public static bool IsRedirectUri(Uri location, Uri redirectUri) =>
        location.IsAbsoluteUri
        && string.Equals(location.GetLeftPart(UriPartial.Path), redirectUri.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);
}
