using System.Buffers.Binary;
using System.Numerics;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// A fixed-size, direct-mapped, lock-free set of tokens whose Ed25519 signature has verified, so a repeat
/// skips the verify. All memory is allocated up front; <see cref="Contains"/> and <see cref="Add"/> allocate nothing.
/// </summary>
/// <remarks>
/// <para>
/// The slot is chosen by 32 bits of the signature's R part, which for a token that verified is
/// unpredictable output of the issuer. A hit needs the full 128 bytes to be equal (compared in
/// constant time, so timing reveals nothing about a cached token) and the same <see cref="PublicKey"/>
/// instance that verified it, so a key removed, or replaced under the same id, never answers from the cache.
/// Only tokens that verified are added, so a forged token can at most evict an entry.
/// </para>
/// <para>
/// Each slot has a sequence counter (a seqlock): a writer claims the slot by moving the counter to an
/// odd value, copies, and publishes an even value; a reader that sees an odd counter, or a counter that
/// changed while it compared, reports a miss. A torn or concurrent write therefore can never produce a hit.
/// </para>
/// </remarks>
internal sealed class VerifiedTokenCache
{
    private readonly byte[] _tokens;
    private readonly PublicKey?[] _keys;
    private readonly int[] _sequences;
    private readonly int _mask;

    public VerifiedTokenCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        capacity = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _tokens = new byte[capacity * RtaTokenLayout.Length];
        _keys = new PublicKey?[capacity];
        _sequences = new int[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _keys.Length;

    /// <summary>True when exactly these 128 bytes verified under <paramref name="publicKey"/> and are still cached.</summary>
    public bool Contains(ReadOnlySpan<byte> token, PublicKey publicKey)
    {
        var slot = SlotOf(token);
        var before = Volatile.Read(ref _sequences[slot]);
        if ((before & 1) != 0)
        {
            return false;
        }

        var equal = FixedTimeTokenComparer.Equals(Entry(slot), token);
        var sameKey = ReferenceEquals(Volatile.Read(ref _keys[slot]), publicKey);

        // Order the reads above before the second read of the counter.
        Interlocked.MemoryBarrier();
        return equal & sameKey & (before == Volatile.Read(ref _sequences[slot]));
    }

    /// <summary>Remembers a token that verified under <paramref name="publicKey"/>; skipped if another writer holds the slot.</summary>
    public void Add(ReadOnlySpan<byte> token, PublicKey publicKey)
    {
        var slot = SlotOf(token);
        if (!TryClaim(slot, out var sequence))
        {
            return;
        }

        token.CopyTo(Entry(slot));
        _keys[slot] = publicKey;
        Volatile.Write(ref _sequences[slot], sequence + 2);
    }

    private bool TryClaim(int slot, out int sequence)
    {
        sequence = Volatile.Read(ref _sequences[slot]);
        return (sequence & 1) == 0
            && Interlocked.CompareExchange(ref _sequences[slot], sequence + 1, sequence) == sequence;
    }

    private Span<byte> Entry(int slot) => _tokens.AsSpan(slot * RtaTokenLayout.Length, RtaTokenLayout.Length);

    private int SlotOf(ReadOnlySpan<byte> token) =>
        (int)BinaryPrimitives.ReadUInt32LittleEndian(token[RtaTokenLayout.SignatureOffset..]) & _mask;
}
