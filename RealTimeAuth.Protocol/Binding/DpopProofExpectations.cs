namespace RealTimeAuth.Protocol.Binding;

/// <summary>What the request a DPoP proof arrived with says the proof must match. The server fills one per request.</summary>
public readonly struct DpopProofExpectations
{
    /// <summary>The request's HTTP method, compared exactly with <c>htm</c> (methods are case-sensitive, RFC 9110 §9.1).</summary>
    public required string Method { get; init; }

    /// <summary>The request's absolute http or https URI; query and fragment, if any, are ignored.</summary>
    public required string Uri { get; init; }

    /// <summary>The server's current time, from its <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>
    /// How far before <see cref="Now"/> the proof's <c>iat</c> may lie (inclusive), at most one day. Bounds how long a
    /// <c>jti</c> must be remembered (RFC 9449 §11.1).
    /// </summary>
    public required TimeSpan FreshnessWindow { get; init; }

    /// <summary>How far after <see cref="Now"/> the proof's <c>iat</c> may lie (inclusive), at most one hour, for clocks that disagree.</summary>
    public required TimeSpan ClockSkew { get; init; }

    /// <summary>
    /// The <see cref="DpopAccessTokenHash"/> of the access token presented with the proof, which the proof's <c>ath</c>
    /// must equal; null when no access token was presented (an exchange).
    /// </summary>
    public string? AccessTokenHash { get; init; }

    /// <summary>The nonce the server gave the client, which the proof's <c>nonce</c> must equal; null when none is required.</summary>
    public string? Nonce { get; init; }

    /// <summary>The <see cref="Binding.JwkThumbprint"/> the session or token is bound to; null when the proof binds a new key.</summary>
    public string? JwkThumbprint { get; init; }

    internal void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(Method, nameof(Method));
        if (Uri is null || !HttpTargetUri.TryParse(Uri, out _))
        {
            throw new ArgumentException("Set Uri to the request's absolute http or https URI.", nameof(Uri));
        }

        // The bounds also keep every accepted iat a representable DateTimeOffset.
        if (FreshnessWindow < TimeSpan.Zero || FreshnessWindow > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(FreshnessWindow), FreshnessWindow, "Set FreshnessWindow between zero and one day.");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSkew), ClockSkew, "Set ClockSkew between zero and one hour.");
        }

        if (AccessTokenHash?.Length == 0 || Nonce?.Length == 0 || JwkThumbprint?.Length == 0)
        {
            throw new ArgumentException("Set AccessTokenHash, Nonce and JwkThumbprint to null, not empty, when nothing is expected.");
        }
    }
}
