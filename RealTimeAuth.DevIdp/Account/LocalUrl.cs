namespace RealTimeAuth.DevIdp.Account;

/// <summary>Open-redirect guard for the login page's return URL.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// True for a path on this host (<c>/connect/authorize?…</c>); false for absolute URLs,
    /// protocol-relative <c>//host</c> and <c>/\host</c>, which browsers treat as another host.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The URL when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
