using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
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
    [InlineData(RtaRevocationReasons.SessionExpired)]
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

    [Fact]
    public void ReasonOf_CodeOnlyInStatusDetail_ReadsTheDetail() =>
        Assert.Equal(
            RtaBindingReasons.StreamBindingUnknown,
            RtaRefusal.ReasonOf(new RpcException(new Status(StatusCode.Unauthenticated, RtaBindingReasons.StreamBindingUnknown))));

    [Fact]
    public void ReasonOf_SentenceInStatusDetail_IsUnknown() =>
        Assert.Equal(RtaRefusal.Unknown, RtaRefusal.ReasonOf(new RpcException(new Status(StatusCode.Unauthenticated, "The token was refused."))));

    [Theory]
    [InlineData(StatusCode.PermissionDenied, DpopRejectionReasons.WrongUri)]
    [InlineData(StatusCode.Unavailable, RtaBindingReasons.ReplayCheckUnavailable)]
    [InlineData(StatusCode.FailedPrecondition, RtaBindingReasons.SessionUnbound)]
    public void IsRefusal_BindingCodeUnderAnyStatus_IsARefusal(StatusCode status, string reason) =>
        Assert.True(RtaRefusal.IsRefusal(new RpcException(new Status(status, reason))));

    [Fact]
    public void IsRefusal_UnavailableWithoutBindingCode_IsATransportFailure() =>
        Assert.False(RtaRefusal.IsRefusal(new RpcException(new Status(StatusCode.Unavailable, "server-not-current"))));

    [Theory]
    [InlineData(RtaBindingReasons.ReplayCheckUnavailable, true)]
    [InlineData(RtaBindingReasons.StreamBindingUnknown, true)]
    [InlineData(DpopRejectionReasons.NonceRequired, true)]
    [InlineData(DpopRejectionReasons.WrongKey, false)]
    [InlineData(RtaBindingReasons.SessionUnbound, false)]
    [InlineData(RtaBindingReasons.TokenSuperseded, false)]
    public void IsTransient_BindingCode_OnlyWhatAFreshProofOrWaitCanFix(string reason, bool transient) =>
        Assert.Equal(transient, RtaRefusal.IsTransient(reason));

    [Fact]
    public void IsSuperseded_TrailerSaysSuperseded_True() =>
        Assert.True(RtaRefusal.IsSuperseded(new RpcException(
            new Status(StatusCode.ResourceExhausted, "replaced"),
            new Metadata { { RtaRefusal.ReasonTrailer, RtaStreamCloseReasons.Superseded } })));
}
