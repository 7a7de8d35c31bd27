using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Live;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Server.Tests.PolicyStore;

public sealed class SessionPermissionsTests
{
    // Allows every action on every type, and names read and write on records, so records:* expands to those two.
    private static readonly PolicySnapshot Permissive = new(
        Compile(Allow("all", ["*"], [Resource("*")]), Allow("records", ["read", "write"], [Resource("records")])),
        Set(), SubjectDirectory.Empty);

    [Fact]
    public void Compute_WildcardScope_ExpandsToTheActionsThePolicyNames()
    {
        var permissions = new SessionPermissions(new SessionCache()).Compute(Permissive, TestSessions.Active("records:*", "todos:read"));

        Assert.Equal(["records:read", "records:write", "todos:read"], permissions.ToArray());
    }

    [Theory]
    [InlineData("*:read")]
    [InlineData("records:read:own")]
    [InlineData("records:")]
    [InlineData("records")]
    public void Compute_ScopeOutsideTheGrammar_GrantsNothing(string scope)
    {
        // The decider never allows anything for such a scope, so even a policy that allows everything grants nothing by it.
        var permissions = new SessionPermissions(new SessionCache()).Compute(Permissive, TestSessions.Active(scope));

        Assert.Empty(permissions);
    }
}
