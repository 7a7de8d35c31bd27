namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// The policy the PDP decides with now. Null <see cref="Current"/> means no policy is configured, and the
/// live channel keeps the scope-only rule. Readers take one snapshot per decision; <see cref="Update"/>
/// swaps in a whole new one atomically when a version is published (the event log tells every replica).
/// </summary>
public sealed class ActivePolicy
{
    private PolicySnapshot? _current;

    public PolicySnapshot? Current => Volatile.Read(ref _current);

    public void Update(PolicySnapshot? snapshot) => Volatile.Write(ref _current, snapshot);
}
