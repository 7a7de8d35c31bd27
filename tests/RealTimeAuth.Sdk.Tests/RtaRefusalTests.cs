using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk.Live;

namespace RealTimeAuth.Sdk.Tests;

public sealed class RtaRefusalTests
{
    [Theory]
    [InlineData(RtaRevocationReasons.SessionRevoked)]
    [InlineData(RtaRevocationReasons.AdminRevoked)]
    [InlineData(RtaRevocationReasons.AncestorRevoked)]
    [InlineData(RtaRevocationReasons.UserRevoked)]
    [InlineData(RtaRevocationReasons.PolicyRevoked)]
    [InlineData(RtaRevocationReasons.CaepSessionRevoked)]
    [InlineData(RtaRevocationReasons.RiscSessionsRevoked)]
    public void OnCall_RevokedSessionCode_EndsTheSessionAsRevoked(string reason) =>
        Assert.Equal(RtaConnectionState.Revoked, RtaRefusal.OnCall(reason));

    [Fact]
    public void OnCall_TokenExpired_EndsTheSessionAsExpired() =>
        Assert.Equal(RtaConnectionState.Expired, RtaRefusal.OnCall(RtaRefusal.TokenExpired));

    [Theory]
    [InlineData("token-stale-context")]
    [InlineData("server-not-current")]
    [InlineData(RtaRefusal.Unknown)]
    public void OnCall_ReasonThatDoesNotEndTheSession_LeavesItToTheLiveChannel(string reason) =>
        Assert.Null(RtaRefusal.OnCall(reason));

    [Theory]
    [InlineData(RtaRevocationReasons.RiscAccountDisabled)]
    [InlineData("token-bad-signature")]
    public void OnStream_AnyReasonButExpiry_IsRevoked(string reason) =>
        Assert.Equal(RtaConnectionState.Revoked, RtaRefusal.OnStream(reason));
}
