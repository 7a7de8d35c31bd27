using System.Buffers.Binary;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>Writes, signs and verifies the binary form of an RTAToken (format version 1).</summary>
public static class RtaTokenCodec
{
    /// <summary>Writes bytes 0..63 (header, session id, context hash, timestamp); leaves the signature untouched.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 128 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The issue time is negative.</exception>
    public static void WriteUnsigned(in RtaTokenClaims claims, ushort keyId, Span<byte> destination)
    {
        if (destination.Length < RtaTokenLayout.Length)
        {
            throw new ArgumentException($"An RTAToken needs {RtaTokenLayout.Length} bytes.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(claims.IssuedAtUnixMilliseconds, nameof(claims));

        destination[RtaTokenLayout.VersionOffset] = RtaTokenLayout.CurrentVersion;
        destination[RtaTokenLayout.FlagsOffset] = claims.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(destination[RtaTokenLayout.KeyIdOffset..], keyId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[RtaTokenLayout.SequenceOffset..], claims.Sequence);
        claims.SessionId.TryWriteBytes(destination.Slice(RtaTokenLayout.SessionIdOffset, RtaTokenLayout.SessionIdLength), bigEndian: true, out _);
        claims.ContextHash.CopyTo(destination.Slice(RtaTokenLayout.ContextHashOffset, RtaTokenLayout.ContextHashLength));
        BinaryPrimitives.WriteUInt64BigEndian(destination[RtaTokenLayout.TimestampOffset..], (ulong)claims.IssuedAtUnixMilliseconds);
    }

    /// <summary>Writes the signed fields and an Ed25519 signature over them into the first 128 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 private key, or <paramref name="destination"/> is too short.</exception>
    public static void Sign(in RtaTokenClaims claims, ushort keyId, Key signingKey, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (signingKey.Algorithm is not Ed25519)
        {
            throw new ArgumentException("RTATokens are signed with Ed25519.", nameof(signingKey));
        }

        WriteUnsigned(claims, keyId, destination);
        SignatureAlgorithm.Ed25519.Sign(
            signingKey,
            destination[..RtaTokenLayout.SignedLength],
            destination.Slice(RtaTokenLayout.SignatureOffset, RtaTokenLayout.SignatureLength));
    }

    /// <summary>
    /// Checks only the Ed25519 signature of a 128-byte token against <paramref name="publicKey"/>.
    /// Returns false for any other length. Use <see cref="RtaTokenValidator"/> for the full check.
    /// </summary>
    public static bool VerifySignature(ReadOnlySpan<byte> token, PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return token.Length == RtaTokenLayout.Length
            && publicKey.Algorithm is Ed25519
            && SignatureAlgorithm.Ed25519.Verify(
                publicKey,
                token[..RtaTokenLayout.SignedLength],
                token.Slice(RtaTokenLayout.SignatureOffset, RtaTokenLayout.SignatureLength));
    }
}
