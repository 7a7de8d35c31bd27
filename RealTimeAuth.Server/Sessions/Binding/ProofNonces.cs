using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>
/// Server nonces for proofs (RFC 9449 §8) without server state: the nonce of a time slot is an HMAC of the slot's
/// number under <see cref="BindingOptions.NonceKey"/>, so every replica with the same key hands out and accepts the
/// same values. The current and the previous slot's nonces are accepted.
/// </summary>
public sealed class ProofNonces
{
    private const int MinKeyLength = 32;
    private readonly byte[] _key;
    private readonly TimeSpan _slot;
    private readonly TimeProvider _timeProvider;

    public ProofNonces(IOptions<BindingOptions> options, TimeProvider timeProvider)
    {
        var configured = options.Value.NonceKey;
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(MinKeyLength) : Convert.FromBase64String(configured);
        if (_key.Length < MinKeyLength)
        {
            throw new OptionsValidationException(BindingOptions.SectionName, typeof(BindingOptions), [$"Binding:NonceKey must be at least {MinKeyLength} bytes."]);
        }

        _slot = options.Value.NonceLifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>The nonce to hand out now.</summary>
    public string Current => NonceOf(SlotNow());

    /// <summary>The nonce of the previous slot, still accepted.</summary>
    public string Previous => NonceOf(SlotNow() - 1);

    private long SlotNow() => _timeProvider.GetUtcNow().UtcTicks / _slot.Ticks;

    private string NonceOf(long slot)
    {
        Span<byte> message = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(message, slot);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, mac);
        return Base64Url.EncodeToString(mac[..24]);
    }
}
