namespace RealTimeAuth.Admin.Auth;

/// <summary>
/// Decides whether a sign-in <c>returnUrl</c> is a path on this site. Anything else could send an admin who just
/// signed in to another origin (an open redirect), so it is refused and the console's root is used instead.
/// </summary>
internal static class LocalReturnUrl
{
    // Percent-encoding is undone this many times: a browser or proxy may decode once more than the check did.
    private const int DecodeRounds = 3;

    /// <summary>
    /// True only for a path that starts with one <c>/</c> not followed by another <c>/</c> or <c>\</c>, holds no
    /// backslash and no control character, in its raw form and in every decoded form.
    /// </summary>
    public static bool IsLocal(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return false;
        }

        var form = returnUrl;
        for (var round = 0; round <= DecodeRounds; round++)
        {
            if (!IsLocalPath(form))
            {
                return false;
            }

            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form)
            {
                return true;
            }

            form = decoded;
        }

        // Still encoded after every round: nothing a real console link needs.
        return false;
    }

    // Browsers strip tabs and newlines from URLs and read '\' as '/', so "/\t/evil" and "/\evil" become "//evil",
    // a network-path reference to another host (RFC 3986 §4.2).
    private static bool IsLocalPath(string path) =>
        path.Length > 0
        && path[0] == '/'
        && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Contains('\\')
        && !path.Any(char.IsControl);
}
