using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed class SessionCreationRefusalTests
{
    [Theory]
    [InlineData(SessionCreationError.ParentNotActive, "invalid_grant", ExchangeRejectionReasons.ParentNotActive)]
    [InlineData(SessionCreationError.ScopeExceedsParent, "invalid_scope", ExchangeRejectionReasons.ScopeExceedsParent)]
    [InlineData(SessionCreationError.NoScopes, "invalid_scope", ExchangeRejectionReasons.NoScopeGranted)]
    [InlineData(SessionCreationError.DelegationTooDeep, "invalid_request", ExchangeRejectionReasons.DelegationTooDeep)]
    [InlineData(SessionCreationError.ReplicaNotCurrent, "temporarily_unavailable", ExchangeRejectionReasons.ReplicaNotCurrent)]
    public void MapCreationError_EachError_HasItsOAuthErrorAndCode(SessionCreationError error, string oauthError, string reason)
    {
        var result = TokenApi.MapCreationError(error);

        Assert.Equal((oauthError, reason), (result.Value.Error, result.Reason));
        Assert.StartsWith(reason + ": ", result.Value.ErrorDescription, StringComparison.Ordinal);
    }
}
