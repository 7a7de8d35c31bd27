using System.Collections.Frozen;
using System.Collections.Immutable;

namespace RealTimeAuth.Protocol.Keys;

/// <summary>An immutable state of a key ring; readers take one and never lock.</summary>
internal sealed class RtaKeyRingSnapshot
{
    public static readonly RtaKeyRingSnapshot Empty = new(ImmutableArray<RtaKeyRingEntry>.Empty, null);

    private readonly FrozenDictionary<ushort, RtaKeyRingEntry> _byId;

    public RtaKeyRingSnapshot(ImmutableArray<RtaKeyRingEntry> entries, RtaKeyRingEntry? active)
    {
        Entries = entries.Sort(static (a, b) => a.KeyId.CompareTo(b.KeyId));
        Active = active;
        _byId = entries.ToFrozenDictionary(static e => e.KeyId);
    }

    public ImmutableArray<RtaKeyRingEntry> Entries { get; }

    public RtaKeyRingEntry? Active { get; }

    public RtaKeyRingEntry? Find(ushort keyId) => _byId.GetValueOrDefault(keyId);
}
