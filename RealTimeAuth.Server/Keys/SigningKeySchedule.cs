using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// When keys are created, activated and removed, each decided by the clock of the replica that runs the schedule while
/// every other replica reads the same times by its own clock, up to <c>Tokens:ClockSkew</c> apart (ADR 0024).
/// </summary>
internal static class SigningKeySchedule
{
    /// <summary>
    /// One pass over the keys not removed: creates the key that is due through <paramref name="create"/> (given its
    /// activation; the newest key retires then), and removes superseded keys past their retention (their private half wiped).
    /// </summary>
    public static SigningKeySchedulePass Run(
        IReadOnlyCollection<SigningKeyEntity> liveKeys,
        DateTimeOffset now,
        SigningKeyOptions options,
        TimeSpan clockSkew,
        Func<DateTimeOffset, SigningKeyEntity> create)
    {
        SigningKeyEntity? created = null;
        if (DueActivation(liveKeys, now, options, clockSkew) is { } activation)
        {
            var newest = Newest(liveKeys);
            created = create(activation);
            if (newest is not null)
            {
                newest.RetiredAt = activation;
            }
        }

        var removed = Removable(liveKeys, now, options).ToList();
        foreach (var key in removed)
        {
            key.RemovedAt = now;
            key.PrivateKey = null;
        }

        return new SigningKeySchedulePass(created, removed);
    }

    /// <summary>
    /// The activation time of the key to create now, or null when none is due. The first key is backdated by the clock
    /// skew so that a replica behind the creator signs at once: it has no predecessor whose tokens it could cut short.
    /// A successor activates after the activation delay, which the options hold to the skew plus replica staleness.
    /// </summary>
    public static DateTimeOffset? DueActivation(
        IReadOnlyCollection<SigningKeyEntity> liveKeys, DateTimeOffset now, SigningKeyOptions options, TimeSpan clockSkew)
    {
        var newest = Newest(liveKeys);
        if (newest is null)
        {
            return now - clockSkew;
        }

        return newest.ActivatedAt is { } activated && activated <= now && now - activated >= options.RotationInterval
            ? now + options.ActivationDelay
            : null;
    }

    private static SigningKeyEntity? Newest(IReadOnlyCollection<SigningKeyEntity> liveKeys) => liveKeys.MaxBy(key => key.ActivatedAt);

    /// <summary>Superseded keys no token still fresh on any replica can carry.</summary>
    private static IEnumerable<SigningKeyEntity> Removable(IEnumerable<SigningKeyEntity> liveKeys, DateTimeOffset now, SigningKeyOptions options) =>
        liveKeys.Where(key => key.RetiredAt is { } retired && now - retired >= options.RetainAfterSuperseded);

    /// <summary>The key a replica signs with at <paramref name="now"/> by its clock: the newest one active and still holding its private half.</summary>
    public static SigningKeyEntity? Active(IEnumerable<SigningKeyEntity> liveKeys, DateTimeOffset now) =>
        liveKeys.Where(key => key.ActivatedAt <= now && key.PrivateKey is not null).MaxBy(key => key.ActivatedAt);

    /// <summary>When the next key published ahead of its activation starts signing, by this replica's clock.</summary>
    public static DateTimeOffset? NextActivation(IEnumerable<SigningKeyEntity> liveKeys, DateTimeOffset now) =>
        liveKeys.Where(key => key.ActivatedAt > now).Min(key => key.ActivatedAt);
}
