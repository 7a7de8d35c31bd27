namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The outcome of validating one DPoP proof. <see cref="JwkThumbprint"/>, <see cref="Jti"/> and <see cref="IssuedAt"/>
/// are set only when valid, so nothing unverified leaks out. The default value is not valid.
/// </summary>
public readonly struct DpopProofValidationResult
{
    private DpopProofValidationResult(string? rejectionReason, string? jwkThumbprint, string? jti, DateTimeOffset issuedAt)
    {
        RejectionReason = rejectionReason;
        JwkThumbprint = jwkThumbprint;
        Jti = jti;
        IssuedAt = issuedAt;
    }

    /// <summary>True when every check passed. The caller still checks that <see cref="Jti"/> was not seen before.</summary>
    public bool IsValid => JwkThumbprint is not null;

    /// <summary>One of <see cref="DpopRejectionReasons"/> when the proof was refused; null when valid.</summary>
    public string? RejectionReason { get; }

    /// <summary>The RFC 7638 thumbprint of the key that signed a valid proof: the <c>cnf.jkt</c> to bind or compare.</summary>
    public string? JwkThumbprint { get; }

    /// <summary>The proof's <c>jti</c>, for the caller's replay check (RFC 9449 §11.1).</summary>
    public string? Jti { get; }

    /// <summary>The proof's <c>iat</c>.</summary>
    public DateTimeOffset IssuedAt { get; }

    internal static DpopProofValidationResult Fail(string reason) => new(reason, null, null, default);

    internal static DpopProofValidationResult Success(string jwkThumbprint, string jti, DateTimeOffset issuedAt) =>
        new(null, jwkThumbprint, jti, issuedAt);
}
