using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Keys;

namespace RealTimeAuth.Server.Tests.Keys.Skew;

/// <summary>
/// The signing key schedule with replica clocks 30 s either side of true time (60 s apart, <c>Tokens:ClockSkew</c>): the
/// first key signs at once everywhere, and a rotation never yields a token a replica refuses while its clock holds it fresh.
/// </summary>
public sealed class SkewedKeyScheduleTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    // Every second where a window of a few seconds must be caught; every two where the run is long and only a pass is expected.
    private static readonly TimeSpan IssueEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RotationInterval = TimeSpan.FromMinutes(6);

    [Theory]
    [InlineData(30)]
    [InlineData(-30)]
    public void FirstKey_CreatedByASkewedReplica_SignsAtOnceOnEveryReplica(int creatorOffsetSeconds)
    {
        using var simulation = new KeyScheduleSimulation(ValidOptions(), Tokens());
        var creator = simulation.Add("creator", TimeSpan.FromSeconds(creatorOffsetSeconds), TimeSpan.Zero);
        var ahead = simulation.Add("ahead", Skew, MaxStaleness);
        var behind = simulation.Add("behind", -Skew, MaxStaleness);

        simulation.Start(creator);

        Assert.NotNull(ahead.Ring.ActiveKeyId);
        Assert.NotNull(behind.Ring.ActiveKeyId);
        simulation.Run(creator, TimeSpan.FromMinutes(1), Step, IssueEvery);
        Assert.Empty(simulation.Failures);
        Assert.True(simulation.Checks > 0);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(-30)]
    public void Rotations_ReplicasThirtySecondsEitherSide_NoReplicaRefusesAFreshToken(int creatorOffsetSeconds)
    {
        using var simulation = Rotating(ValidOptions(), creatorOffsetSeconds, out var creator);

        simulation.Run(creator, (2 * RotationInterval) + TimeSpan.FromMinutes(8), Step, IssueEvery);

        Assert.Empty(simulation.Failures);
        // Two rotations happened and the superseded keys were removed, so both edges of a key's life were exercised.
        Assert.True(simulation.Table.Count >= 3, $"{simulation.Table.Count} keys created");
        Assert.True(simulation.Table.Count(row => row.RemovedAt is not null) >= 1, "no key was removed");
    }

    [Fact]
    public void Rotation_ActivationDelayShorterThanSkewPlusStaleness_ReplicaBehindRefusesTheNewKey()
    {
        // The control: the simulation does catch a schedule that ignores the skew (the 10 s of the old default).
        var options = ValidOptions();
        options.ActivationDelay = TimeSpan.FromSeconds(10);
        using var simulation = Rotating(options, -30, out var creator);

        simulation.Run(creator, RotationInterval + TimeSpan.FromMinutes(1), Step, issueEvery: Step);

        Assert.Contains(simulation.Failures, failure => failure.Contains("behind refused", StringComparison.Ordinal) && failure.EndsWith(nameof(RtaTokenValidationStatus.UnknownKeyId), StringComparison.Ordinal));
    }

    [Fact]
    public void Rotation_RetentionOfOnlyTheFreshnessWindow_ReplicaBehindRefusesTheOldKeysLastTokens()
    {
        var options = ValidOptions();
        options.RetainAfterSuperseded = Tokens().FreshnessWindow;
        using var simulation = Rotating(options, 30, out var creator);

        simulation.Run(creator, RotationInterval + TimeSpan.FromMinutes(8), Step, issueEvery: Step);

        Assert.Contains(simulation.Failures, failure => failure.Contains("behind refused", StringComparison.Ordinal) && failure.EndsWith(nameof(RtaTokenValidationStatus.UnknownKeyId), StringComparison.Ordinal));
    }

    /// <summary>
    /// The creator at <paramref name="creatorOffsetSeconds"/>; a replica ahead that reads each change at once (it heard the
    /// announcement) and one behind that reads it as late as a current replica may.
    /// </summary>
    private static KeyScheduleSimulation Rotating(SigningKeyOptions options, int creatorOffsetSeconds, out SimulatedReplica creator)
    {
        var simulation = new KeyScheduleSimulation(options, Tokens());
        creator = simulation.Add("creator", TimeSpan.FromSeconds(creatorOffsetSeconds), TimeSpan.Zero);
        simulation.Add("ahead", Skew, TimeSpan.Zero);
        simulation.Add("behind", -Skew, MaxStaleness);
        simulation.Start(creator);
        return simulation;
    }

    /// <summary>The tightest options the validator accepts for the default token window and replicas ±30 s.</summary>
    private static SigningKeyOptions ValidOptions() => new()
    {
        RotationInterval = RotationInterval,
        ActivationDelay = SigningKeyOptionsValidator.MinActivationDelay(Tokens().ClockSkew, MaxStaleness),
        CheckInterval = TimeSpan.FromSeconds(5),
        RetainAfterSuperseded = SigningKeyOptionsValidator.MinRetention(Tokens().FreshnessWindow, Tokens().ClockSkew, TimeSpan.FromSeconds(5)),
    };

    private static RtaTokenValidationOptions Tokens() => new() { ClockSkew = 2 * Skew, FreshnessWindow = TimeSpan.FromMinutes(5) };
}
