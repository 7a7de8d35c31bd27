namespace RealTimeAuth.Protocol.Tokens;

/// <summary>The outcome of validating one RTAToken. <see cref="Claims"/> and <see cref="KeyId"/> are set only when valid.</summary>
public readonly struct RtaTokenValidationResult
{
    private RtaTokenValidationResult(RtaTokenValidationStatus status, ushort keyId, RtaTokenClaims claims, bool fromCache)
    {
        Status = status;
        KeyId = keyId;
        Claims = claims;
        FromCache = fromCache;
    }

    /// <summary>Why the token was accepted or rejected.</summary>
    public RtaTokenValidationStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="RtaTokenValidationStatus.Valid"/>.</summary>
    public bool IsValid => Status == RtaTokenValidationStatus.Valid;

    /// <summary>Id of the key that signed a valid token; 0 otherwise.</summary>
    public ushort KeyId { get; }

    /// <summary>The signed fields of a valid token; <c>default</c> otherwise, so nothing unverified leaks out.</summary>
    public RtaTokenClaims Claims { get; }

    /// <summary>True when the signature check was answered by the verified-token cache.</summary>
    public bool FromCache { get; }

    internal static RtaTokenValidationResult Fail(RtaTokenValidationStatus status) => new(status, 0, default, false);

    internal static RtaTokenValidationResult Success(ushort keyId, in RtaTokenClaims claims, bool fromCache) =>
        new(RtaTokenValidationStatus.Valid, keyId, claims, fromCache);
}
