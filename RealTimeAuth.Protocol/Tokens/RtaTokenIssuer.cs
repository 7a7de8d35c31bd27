using RealTimeAuth.Protocol.Keys;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>Issues RTATokens signed with the key ring's active key, stamped with the time from <see cref="TimeProvider"/>.</summary>
public sealed class RtaTokenIssuer
{
    private readonly RtaKeyRing _keyRing;
    private readonly TimeProvider _timeProvider;

    public RtaTokenIssuer(RtaKeyRing keyRing, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keyRing = keyRing;
        _timeProvider = timeProvider;
    }

    /// <summary>Issues a token for a session, issued now.</summary>
    /// <exception cref="InvalidOperationException">The key ring has no active signing key.</exception>
    public byte[] Issue(Guid sessionId, uint sequence, RtaContextHash contextHash) =>
        Issue(new RtaTokenClaims(sessionId, sequence, contextHash, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>Issues a token carrying exactly <paramref name="claims"/>.</summary>
    /// <exception cref="InvalidOperationException">The key ring has no active signing key.</exception>
    public byte[] Issue(in RtaTokenClaims claims)
    {
        var token = new byte[RtaTokenLayout.Length];
        Issue(claims, token);
        return token;
    }

    /// <summary>Writes a token carrying exactly <paramref name="claims"/> into the first 128 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">The key ring has no active signing key.</exception>
    public void Issue(in RtaTokenClaims claims, Span<byte> destination)
    {
        var active = _keyRing.Current.Active
            ?? throw new InvalidOperationException("The key ring has no active signing key; call RtaKeyRing.Rotate first.");
        RtaTokenCodec.Sign(claims, active.KeyId, active.SigningKey!, destination);
    }
}
