using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed class ExchangeRequestTests
{
    [Fact]
    public void Read_WellFormedRequest_HasNoError()
    {
        var (request, error) = ExchangeRequest.Read(new FormCollection(Form()));

        Assert.Null(error);
        Assert.Equal(["records:read", "records:write"], request!.Scopes);
    }

    [Theory]
    [InlineData(RtaExchangeNames.Parameters.SubjectToken)]
    [InlineData(RtaExchangeNames.Parameters.SubjectTokenType)]
    [InlineData(RtaExchangeNames.Parameters.Nonce)]
    [InlineData(RtaExchangeNames.Parameters.AgentId)]
    public void Read_RequiredParameterMissing_IsParameterMissing(string parameter)
    {
        var form = Form();
        form.Remove(parameter);

        AssertRefused(form, ExchangeRejectionReasons.ParameterMissing);
    }

    [Fact]
    public void Read_AgentKindOmitted_LeavesItToTheClientRegistration()
    {
        var form = Form();
        form.Remove(RtaExchangeNames.Parameters.AgentKind);

        var (request, error) = ExchangeRequest.Read(new FormCollection(form));

        Assert.Null(error);
        Assert.Null(request!.AgentKind);
    }

    [Fact]
    public void Read_ParameterSentTwice_IsParameterRepeated()
    {
        var form = Form();
        form[RtaExchangeNames.Parameters.Scope] = new StringValues(["records:read", "records:write"]);

        AssertRefused(form, ExchangeRejectionReasons.ParameterRepeated);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(257)]
    public void Read_NonceOutsideItsLength_IsNonceInvalid(int length)
    {
        var form = Form();
        form[RtaExchangeNames.Parameters.Nonce] = new string('n', length);

        AssertRefused(form, ExchangeRejectionReasons.NonceInvalid);
    }

    [Fact]
    public void Read_AgentNameTooLong_IsAgentIdentityTooLong()
    {
        var form = Form();
        form[RtaExchangeNames.Parameters.AgentName] = new string('a', 257);

        AssertRefused(form, ExchangeRejectionReasons.AgentIdentityTooLong);
    }

    private static void AssertRefused(Dictionary<string, StringValues> form, string reason)
    {
        var (request, error) = ExchangeRequest.Read(new FormCollection(form));

        Assert.Null(request);
        Assert.Equal(("invalid_request", reason), (error!.Value.Error, error.Reason));
    }

    private static Dictionary<string, StringValues> Form() => new(StringComparer.Ordinal)
    {
        [RtaExchangeNames.Parameters.SubjectToken] = "token",
        [RtaExchangeNames.Parameters.SubjectTokenType] = RtaExchangeNames.AccessTokenType,
        [RtaExchangeNames.Parameters.Nonce] = new string('n', 16),
        [RtaExchangeNames.Parameters.AgentId] = "agent-1",
        [RtaExchangeNames.Parameters.AgentKind] = "copilot",
        [RtaExchangeNames.Parameters.Scope] = "records:read records:write",
    };
}
