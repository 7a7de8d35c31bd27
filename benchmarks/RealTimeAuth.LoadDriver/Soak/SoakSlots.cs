using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>The soak's connected agents by slot; the slot being revoked and replaced is hidden from the decision load.</summary>
internal sealed class SoakSlots(AgentProbe[] probes)
{
    private readonly List<AgentProbe> _replaced = [];
    private int _revoking = -1;

    public int Count => probes.Length;

    /// <summary>The agent in <paramref name="slot"/>, or null while it is being revoked and replaced.</summary>
    public AgentProbe? Current(int slot) => Volatile.Read(ref _revoking) == slot ? null : Volatile.Read(ref probes[slot]);

    /// <summary>Hides <paramref name="slot"/> and returns its agent, to revoke.</summary>
    public AgentProbe BeginReplace(int slot)
    {
        Volatile.Write(ref _revoking, slot);
        return probes[slot];
    }

    public void EndReplace(int slot, AgentProbe replacement)
    {
        lock (_replaced)
        {
            _replaced.Add(probes[slot]);
        }

        Volatile.Write(ref probes[slot], replacement);
        Volatile.Write(ref _revoking, -1);
    }

    /// <summary>Every agent the soak has had: the connected ones and those revoked.</summary>
    public IReadOnlyList<AgentProbe> All()
    {
        lock (_replaced)
        {
            return [.. probes, .. _replaced];
        }
    }
}
