using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Live;

public sealed class ScopeAuthorizationDeciderTests
{
    private static readonly SessionState Session = SessionWith("documents:read", "reports:*", "a:b:c");

    [Theory]
    [InlineData("documents", "read")]
    [InlineData("reports", "read")]
    [InlineData("reports", "delete")]
    public void Decide_ActionCoveredByScope_Allows(string resourceType, string action)
    {
        var decision = ScopeAuthorizationDecider.Decide(Session, Query(resourceType, action));

        Assert.True(decision.Allowed);
        Assert.Equal(DecisionReasons.Allowed, decision.Reason);
        Assert.Equal(string.Empty, decision.PolicyVersion);
    }

    [Theory]
    [InlineData("documents", "write")]
    [InlineData("documents", "rea")]
    [InlineData("document", "read")]
    [InlineData("Documents", "read")]
    [InlineData("documents", "*")]
    [InlineData("*", "read")]
    [InlineData("a", "b:c")]
    [InlineData("a:b", "c")]
    [InlineData("", "read")]
    [InlineData("documents", "")]
    public void Decide_ActionNotCoveredByScope_DeniesScopeMissing(string resourceType, string action)
    {
        var decision = ScopeAuthorizationDecider.Decide(Session, Query(resourceType, action));

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionReasons.ScopeMissing, decision.Reason);
    }

    private static AuthorizationQuery Query(string resourceType, string action) => new() { Action = action, ResourceType = resourceType };

    private static SessionState SessionWith(params string[] scopes) => TestSessions.Active(scopes);
}
