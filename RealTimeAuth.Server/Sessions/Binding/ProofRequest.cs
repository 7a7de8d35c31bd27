namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>One proof to check, and what the request it came with says it must match.</summary>
public readonly record struct ProofRequest
{
    /// <summary>The <c>DPoP</c> header (or metadata) value as received; null or empty when none came.</summary>
    public required string? Proof { get; init; }

    /// <summary>The request's method, for example <c>POST</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The request's absolute URI as this server received it (see <see cref="ProofTarget"/>).</summary>
    public required string Uri { get; init; }

    /// <summary>One of <see cref="ProofUse"/>.</summary>
    public required string Use { get; init; }

    /// <summary>The RTAToken text sent with the proof, whose hash <c>ath</c> must carry; null on a root exchange.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The key thumbprint the session is bound to; null when the proof binds a new key.</summary>
    public string? KeyThumbprint { get; init; }

    /// <summary>Whether the proof must carry a current server nonce.</summary>
    public bool RequireNonce { get; init; }
}
