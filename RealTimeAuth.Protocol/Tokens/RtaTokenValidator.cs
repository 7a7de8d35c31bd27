using RealTimeAuth.Protocol.Keys;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// Checks an RTAToken's format, key id, freshness and signature, cheapest check first, and reports a
/// distinct <see cref="RtaTokenValidationStatus"/> for each failure. Never throws on any input.
/// A valid result only says the server issued these bytes recently: session state and policy still decide.
/// Thread-safe; create one per key ring and reuse it.
/// </summary>
public sealed class RtaTokenValidator
{
    private readonly RtaKeyRing _keyRing;
    private readonly TimeProvider _timeProvider;
    private readonly long _freshnessMilliseconds;
    private readonly long _clockSkewMilliseconds;
    private readonly VerifiedTokenCache? _cache;

    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public RtaTokenValidator(RtaKeyRing keyRing, TimeProvider timeProvider, RtaTokenValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new RtaTokenValidationOptions();
        options.Validate();

        _keyRing = keyRing;
        _timeProvider = timeProvider;
        _freshnessMilliseconds = (long)options.FreshnessWindow.TotalMilliseconds;
        _clockSkewMilliseconds = (long)options.ClockSkew.TotalMilliseconds;
        _cache = options.VerifiedTokenCacheCapacity > 0 ? new VerifiedTokenCache(options.VerifiedTokenCacheCapacity) : null;
    }

    /// <summary>Validates the value of an <c>Authorization</c> header: <c>RTA &lt;token&gt;</c>.</summary>
    public RtaTokenValidationResult ValidateAuthorizationHeader(ReadOnlySpan<char> headerValue) =>
        RtaAuthorizationHeader.TryGetToken(headerValue, out var tokenText)
            ? ValidateText(tokenText)
            : RtaTokenValidationResult.Fail(RtaTokenValidationStatus.InvalidAuthorizationHeader);

    /// <summary>Validates the 171-character base64url text form.</summary>
    public RtaTokenValidationResult ValidateText(ReadOnlySpan<char> tokenText)
    {
        if (tokenText.Length != RtaTokenLayout.TextLength)
        {
            return RtaTokenValidationResult.Fail(RtaTokenValidationStatus.WrongLength);
        }

        Span<byte> token = stackalloc byte[RtaTokenLayout.Length];
        return RtaTokenText.TryDecode(tokenText, token)
            ? Validate(token)
            : RtaTokenValidationResult.Fail(RtaTokenValidationStatus.MalformedText);
    }

    /// <summary>Validates the 128-byte binary form.</summary>
    public RtaTokenValidationResult Validate(ReadOnlySpan<byte> token)
    {
        if (!RtaTokenView.TryCreate(token, out var view))
        {
            return RtaTokenValidationResult.Fail(RtaTokenValidationStatus.WrongLength);
        }

        if (view.Version != RtaTokenLayout.CurrentVersion)
        {
            return RtaTokenValidationResult.Fail(RtaTokenValidationStatus.UnknownVersion);
        }

        var key = _keyRing.Current.Find(view.KeyId);
        if (key is null)
        {
            return RtaTokenValidationResult.Fail(RtaTokenValidationStatus.UnknownKeyId);
        }

        var freshness = CheckFreshness(view.IssuedAtUnixMilliseconds);
        if (freshness != RtaTokenValidationStatus.Valid)
        {
            return RtaTokenValidationResult.Fail(freshness);
        }

        // Freshness and key are decided above on every call, so a cached token still ages out and
        // dies with its key; the cache only answers "did these exact bytes verify under this key".
        if (_cache?.Contains(token, key.PublicKey) == true)
        {
            return RtaTokenValidationResult.Success(view.KeyId, view.ToClaims(), fromCache: true);
        }

        if (!RtaTokenCodec.VerifySignature(token, key.PublicKey))
        {
            return RtaTokenValidationResult.Fail(RtaTokenValidationStatus.BadSignature);
        }

        _cache?.Add(token, key.PublicKey);
        return RtaTokenValidationResult.Success(view.KeyId, view.ToClaims(), fromCache: false);
    }

    // Valid while issuedAt <= now + skew and now - issuedAt <= window (both bounds inclusive).
    private RtaTokenValidationStatus CheckFreshness(ulong issuedAt)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (issuedAt > long.MaxValue || (long)issuedAt - now > _clockSkewMilliseconds)
        {
            return RtaTokenValidationStatus.NotYetValid;
        }

        return now - (long)issuedAt > _freshnessMilliseconds
            ? RtaTokenValidationStatus.TooOld
            : RtaTokenValidationStatus.Valid;
    }
}
