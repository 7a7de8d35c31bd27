using RealTimeAuth.Protocol.Scopes;

namespace RealTimeAuth.Protocol.Tests.Scopes;

public sealed class RtaScopeTests
{
    [Theory]
    [InlineData("documents:read", "documents", "read", false)]
    [InlineData("reports:*", "reports", "*", true)]
    [InlineData("a:b", "a", "b", false)]
    [InlineData("records:re*d", "records", "re*d", false)]
    public void TryParse_Scope_ReadsTypeAndAction(string text, string resourceType, string action, bool wildcard)
    {
        Assert.True(RtaScope.TryParse(text, out var scope));

        Assert.Equal((resourceType, action, wildcard, text), (scope.ResourceType, scope.Action, scope.IsWildcard, scope.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("documents")]
    [InlineData(":read")]
    [InlineData("documents:")]
    [InlineData("*:read")]
    [InlineData("*:*")]
    [InlineData("a:b:c")]
    [InlineData("a::b")]
    [InlineData(":")]
    public void TryParse_NotTypeColonAction_IsNoScope(string? text)
    {
        Assert.False(RtaScope.TryParse(text, out var scope));
        Assert.Equal(default, scope);
    }

    [Fact]
    public void Parse_NoScope_ThrowsFormatException() => Assert.Throws<FormatException>(() => RtaScope.Parse("*:read"));

    [Fact]
    public void Parse_Scope_EqualsTheSameTextParsedAgain() => Assert.Equal(RtaScope.Parse("documents:read"), RtaScope.Parse("documents:" + "read"));

    [Theory]
    [InlineData("documents:read", "documents", "read", true)]
    [InlineData("documents:read", "documents", "write", false)]
    [InlineData("documents:read", "document", "read", false)]
    [InlineData("documents:read", "Documents", "read", false)]
    [InlineData("documents:read", "documents", "rea", false)]
    [InlineData("reports:*", "reports", "delete", true)]
    [InlineData("reports:*", "reports", "*", false)]
    [InlineData("reports:*", "reports", "a:b", false)]
    [InlineData("reports:*", "", "read", false)]
    [InlineData("reports:*", "reports", "", false)]
    [InlineData("reports:*", "other", "read", false)]
    public void Covers_Query_OnlyTheNamedTypeAndAction(string scope, string resourceType, string action, bool covered) =>
        Assert.Equal(covered, RtaScope.Parse(scope).Covers(resourceType, action));

    [Fact]
    public void Default_CoversNothing()
    {
        var scope = default(RtaScope);

        Assert.False(scope.Covers("documents", "read"));
        Assert.False(scope.IsWildcard);
        Assert.Equal((string.Empty, string.Empty, string.Empty), (scope.ResourceType, scope.Action, scope.ToString()));
    }
}
