using System.Buffers.Binary;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// A read-only, allocation-free view over the 128 bytes of an RTAToken. Reading a field does not
/// check the signature: use <see cref="RtaTokenValidator"/> before trusting any value.
/// </summary>
public readonly ref struct RtaTokenView
{
    private readonly ReadOnlySpan<byte> _bytes;

    private RtaTokenView(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> when it is exactly <see cref="RtaTokenLayout.Length"/> long.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, out RtaTokenView view)
    {
        if (bytes.Length != RtaTokenLayout.Length)
        {
            view = default;
            return false;
        }

        view = new RtaTokenView(bytes);
        return true;
    }

    /// <summary>The 128 token bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Header byte 0.</summary>
    public byte Version => _bytes[RtaTokenLayout.VersionOffset];

    /// <summary>Header byte 1. Format version 1 defines no flag; issuers write 0.</summary>
    public byte Flags => _bytes[RtaTokenLayout.FlagsOffset];

    /// <summary>Id of the key that signed the token.</summary>
    public ushort KeyId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[RtaTokenLayout.KeyIdOffset..]);

    /// <summary>Sequence number of the token within its session.</summary>
    public uint Sequence => BinaryPrimitives.ReadUInt32BigEndian(_bytes[RtaTokenLayout.SequenceOffset..]);

    /// <summary>The session the token is bound to (the 16 bytes read as a big-endian <see cref="Guid"/>).</summary>
    public Guid SessionId => new(_bytes.Slice(RtaTokenLayout.SessionIdOffset, RtaTokenLayout.SessionIdLength), bigEndian: true);

    /// <summary>SHA-256 of the session's canonical security context.</summary>
    public RtaContextHash ContextHash => new(_bytes.Slice(RtaTokenLayout.ContextHashOffset, RtaTokenLayout.ContextHashLength));

    /// <summary>Issue time in Unix milliseconds, as an unsigned 64-bit value exactly as on the wire.</summary>
    public ulong IssuedAtUnixMilliseconds => BinaryPrimitives.ReadUInt64BigEndian(_bytes[RtaTokenLayout.TimestampOffset..]);

    /// <summary>The signed part, bytes 0..63.</summary>
    public ReadOnlySpan<byte> SignedBytes => _bytes[..RtaTokenLayout.SignedLength];

    /// <summary>The Ed25519 signature, bytes 64..127.</summary>
    public ReadOnlySpan<byte> Signature => _bytes.Slice(RtaTokenLayout.SignatureOffset, RtaTokenLayout.SignatureLength);

    /// <summary>
    /// Copies the signed fields into a <see cref="RtaTokenClaims"/> value. An issue time beyond
    /// <see cref="long.MaxValue"/> is clamped; the validator rejects such a token before this is reached.
    /// </summary>
    public RtaTokenClaims ToClaims()
    {
        var issuedAt = IssuedAtUnixMilliseconds;
        return new RtaTokenClaims(
            SessionId,
            Sequence,
            ContextHash,
            issuedAt > long.MaxValue ? long.MaxValue : (long)issuedAt,
            Flags);
    }
}
