using System.Reflection;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Sessions.Binding;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed class ProofRefusalsTests
{
    public static TheoryData<string> ProofCodes => [.. typeof(DpopRejectionReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(member => member.IsLiteral)
        .Select(member => (string)member.GetRawConstantValue()!)
        .Append(RtaBindingReasons.ReplayedProof)];

    [Theory]
    [MemberData(nameof(ProofCodes))]
    public void EveryProofCode_IsInvalidDpopProofWithItsOwnDescription(string reason)
    {
        var result = ProofRefusals.Of(ProofCheck.Refused(reason), parent: false);

        Assert.Equal((400, RtaBindingNames.Errors.InvalidDpopProof, reason), (result.StatusCode, result.Value.Error, result.Reason));
        Assert.StartsWith($"{reason}: The DPoP proof ", result.Value.ErrorDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("was refused.", result.Value.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void ParentWrongKey_KeepsTheCodeAndNamesTheParentProof()
    {
        var result = ProofRefusals.Of(ProofCheck.Refused(DpopRejectionReasons.WrongKey), parent: true);

        Assert.Equal(DpopRejectionReasons.WrongKey, result.Reason);
        Assert.Equal("wrong-key: The parent proof (RTA-Parent-DPoP) was not made with the parent session's key.", result.Value.ErrorDescription);
    }

    [Fact]
    public void ReplayCheckUnavailable_IsTemporarilyUnavailable503()
    {
        var result = ProofRefusals.Of(ProofCheck.Refused(RtaBindingReasons.ReplayCheckUnavailable), parent: false);

        Assert.Equal((503, "temporarily_unavailable", RtaBindingReasons.ReplayCheckUnavailable), (result.StatusCode, result.Value.Error, result.Reason));
    }
}
