namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>Where a transmitter publishes its SSF configuration metadata.</summary>
internal static class SsfMetadataAddress
{
    public const string WellKnownPath = "/.well-known/ssf-configuration";

    /// <summary>
    /// SSF 1.0 §7.2: <c>/.well-known/ssf-configuration</c> is inserted between the issuer's host and its path, after
    /// removing a terminating slash (as RFC 8414 §3.1 does): <c>https://tr.example.com/issuer1</c> →
    /// <c>https://tr.example.com/.well-known/ssf-configuration/issuer1</c>.
    /// </summary>
    public static Uri For(string issuer)
    {
        var uri = new Uri(issuer, UriKind.Absolute);
        var path = uri.AbsolutePath.TrimEnd('/');
        return new UriBuilder(uri) { Path = WellKnownPath + path, Query = string.Empty, Fragment = string.Empty }.Uri;
    }
}
