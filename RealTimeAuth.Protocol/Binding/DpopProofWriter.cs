using System.Buffers;
using System.Buffers.Text;
using System.Text;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Writes DPoP proofs (RFC 9449 §4.2) signed with one Ed25519 key (RFC 8037), the agent's per-session key. The JOSE
/// header is fixed per key and encoded once; each proof costs one Ed25519 signature and allocates only its string.
/// The writer does not own the key: the caller disposes it, and never exports or logs its private half.
/// Thread-safe.
/// </summary>
public sealed class DpopProofWriter
{
    private const int SignatureLength = 64;
    private const int StackBufferLength = 2048;

    // Member names, quotes and punctuation (at most 55 bytes), the 22-character jti and up to 20 digits of iat.
    private const int MaxFixedPayloadLength = 55 + 22 + 20;

    // RFC 9110 §5.6.2: a method is a token.
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly IDpopSigningKey _key;
    private readonly TimeProvider _timeProvider;
    private readonly byte[] _encodedHeader;

    /// <summary>A writer signing with an NSec key held in this process.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public DpopProofWriter(Key key, TimeProvider timeProvider)
        : this(new NsecSigningKey(key), timeProvider)
    {
    }

    /// <summary>A writer signing with a key held elsewhere.</summary>
    /// <exception cref="ArgumentException">The key's public half is not 32 bytes.</exception>
    public DpopProofWriter(IDpopSigningKey key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var rawPublicKey = key.PublicKey;
        if (rawPublicKey.Length != Binding.JwkThumbprint.PublicKeyLength)
        {
            throw new ArgumentException("A DPoP key is an Ed25519 key with a 32-byte public key.", nameof(key));
        }

        _key = key;
        _timeProvider = timeProvider;
        JwkThumbprint = Binding.JwkThumbprint.Compute(rawPublicKey);
        _encodedHeader = EncodeHeader(rawPublicKey);
    }

    /// <summary>The RFC 7638 thumbprint of the key: the <c>cnf.jkt</c> the server binds the session to.</summary>
    public string JwkThumbprint { get; }

    /// <summary>Writes a proof for one request, stamped with the current time and a fresh random <c>jti</c>.</summary>
    /// <param name="method">The request's HTTP method, for example <c>POST</c>.</param>
    /// <param name="uri">The request's absolute http or https URI; its query and fragment are left out of <c>htu</c>.</param>
    /// <param name="accessTokenHash">The <see cref="DpopAccessTokenHash"/> of the access token sent with the request, if any.</param>
    /// <param name="nonce">The latest nonce the server gave, if it requires one.</param>
    /// <exception cref="ArgumentException">An argument is malformed, or the proof would exceed <see cref="DpopProofValidator.MaxProofLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public string Write(string method, string uri, string? accessTokenHash = null, string? nonce = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        if (method.AsSpan().ContainsAnyExcept(TokenCharacters))
        {
            throw new ArgumentException("An HTTP method is a token (RFC 9110 §9.1).", nameof(method));
        }

        // RFC 9449 §4.2: htu is the target URI without query and fragment.
        var htu = HttpTargetUri.WithoutQueryAndFragment(uri);
        if (!HttpTargetUri.TryParse(htu, out _))
        {
            throw new ArgumentException("Expected an absolute http or https URI without userinfo.", nameof(uri));
        }

        if (accessTokenHash?.Length == 0 || nonce?.Length == 0)
        {
            throw new ArgumentException("Pass null, not an empty string, for an absent ath or nonce.");
        }

        var maxPayloadLength = MaxFixedPayloadLength
            + method.Length
            + JsonStringText.GetLength(htu, nameof(uri))
            + (accessTokenHash is null ? 0 : JsonStringText.GetLength(accessTokenHash, nameof(accessTokenHash)))
            + (nonce is null ? 0 : JsonStringText.GetLength(nonce, nameof(nonce)));
        var needed = maxPayloadLength + _encodedHeader.Length + Base64Url.GetEncodedLength(maxPayloadLength) + 2 + DpopCompactProof.EncodedSignatureLength;
        byte[]? rented = null;
        var buffer = needed <= StackBufferLength ? stackalloc byte[StackBufferLength] : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            var payload = buffer[..WritePayload(buffer, method, htu, accessTokenHash, nonce)];
            return Sign(payload, buffer[maxPayloadLength..]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private int WritePayload(Span<byte> json, string method, ReadOnlySpan<char> htu, string? accessTokenHash, string? nonce)
    {
        Span<byte> jti = stackalloc byte[DpopJtiSource.Length];
        DpopJtiSource.Next(jti);

        var length = Append(json, "{\"jti\":\""u8);
        length += Base64Url.EncodeToUtf8(jti, json[length..]);
        length += Append(json[length..], "\",\"htm\":\""u8);
        length += Encoding.ASCII.GetBytes(method, json[length..]);
        length += Append(json[length..], "\",\"htu\":\""u8);
        length += JsonStringText.Write(htu, json[length..]);
        length += Append(json[length..], "\",\"iat\":"u8);
        Utf8Formatter.TryFormat(_timeProvider.GetUtcNow().ToUnixTimeSeconds(), json[length..], out var digits);
        length += digits;
        if (accessTokenHash is not null)
        {
            length += Append(json[length..], ",\"ath\":\""u8);
            length += JsonStringText.Write(accessTokenHash, json[length..]);
            length += Append(json[length..], "\""u8);
        }

        if (nonce is not null)
        {
            length += Append(json[length..], ",\"nonce\":\""u8);
            length += JsonStringText.Write(nonce, json[length..]);
            length += Append(json[length..], "\""u8);
        }

        return length + Append(json[length..], "}"u8);
    }

    // RFC 7515 §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature over the first two and the dot).
    private string Sign(ReadOnlySpan<byte> payload, Span<byte> proof)
    {
        var length = Append(proof, _encodedHeader);
        proof[length++] = (byte)'.';
        length += Base64Url.EncodeToUtf8(payload, proof[length..]);
        if (length + 1 + DpopCompactProof.EncodedSignatureLength > DpopProofValidator.MaxProofLength)
        {
            throw new ArgumentException($"The proof would be longer than the {DpopProofValidator.MaxProofLength} characters a server reads; shorten the URI or nonce.");
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        _key.Sign(proof[..length], signature);
        proof[length++] = (byte)'.';
        length += Base64Url.EncodeToUtf8(signature, proof[length..]);
        return Encoding.ASCII.GetString(proof[..length]);
    }

    private static byte[] EncodeHeader(ReadOnlySpan<byte> rawPublicKey)
    {
        Span<byte> x = stackalloc byte[Binding.JwkThumbprint.Length];
        Base64Url.EncodeToUtf8(rawPublicKey, x);
        byte[] header = [.. "{\"typ\":\"dpop+jwt\",\"alg\":\"EdDSA\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""u8, .. x, .. "\"}}"u8];
        return Encoding.ASCII.GetBytes(Base64Url.EncodeToString(header));
    }

    private static int Append(Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
