namespace RealTimeAuth.DevIdp.Connect;

/// <summary>Claim types this IdP issues beyond OpenIddict's constants.</summary>
internal static class DevIdpClaims
{
    /// <summary>
    /// Session id of the browser sign-in that tokens descend from (OpenID Connect Front-Channel
    /// Logout 1.0 §3 <c>sid</c>). Every token from one login, refreshed or not, carries the same value.
    /// </summary>
    public const string SessionId = "sid";
}
