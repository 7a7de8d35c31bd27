namespace RealTimeAuth.Policies.Tests;

/// <summary>Conditions rejected at load, each with its code and 1-based line and column.</summary>
public sealed class ConditionRejectionTests
{
    [Theory]
    [InlineData("subject.id === 'a'", 1, 14)]
    [InlineData("subject.id = 'a'", 1, 12)]
    [InlineData("(subject.id == 'a'", 1, 19)]
    [InlineData("subject.id == 'a')", 1, 18)]
    [InlineData("((true)", 1, 8)]
    [InlineData("subject.id == 'a", 1, 15)]
    [InlineData("subject.id == 'a' & true", 1, 19)]
    [InlineData("subject.id == 'a' | true", 1, 19)]
    [InlineData("1 + 2 == 3", 1, 3)]
    [InlineData("{'a': 1}", 1, 1)]
    [InlineData("subject.id ==", 1, 14)]
    [InlineData("subject.", 1, 9)]
    [InlineData("subject.id == 'a' true", 1, 19)]
    [InlineData("[1, 2", 1, 6)]
    [InlineData("'\\q' == 'a'", 1, 2)]
    [InlineData("99999999999999999999 > 0", 1, 1)]
    [InlineData("9223372036854775808 > 0", 1, 1)]
    [InlineData("1e999 > 0.0", 1, 1)]
    [InlineData("subject.id == 'a' #", 1, 19)]
    [InlineData("", 1, 1)]
    [InlineData("subject.roles.exists('r', true)", 1, 22)]
    [InlineData("subject.roles.exists(subject, true)", 1, 22)]
    [InlineData("subject.id == 'a' &&\n  subject.id ==", 2, 16)]
    public void Syntax_Malformed_RejectedAtPosition(string condition, int line, int column) =>
        AssertRejected(condition, PolicyDiagnosticCodes.Syntax, line, column);

    [Theory]
    [InlineData("subject.rolez == 'a'", 1, 9, "did you mean 'subject.roles'")]
    [InlineData("subject.Roles == 'a'", 1, 9, "did you mean 'subject.roles'")]
    [InlineData("resource.propertys.ownerID == 'a'", 1, 10, "did you mean 'resource.properties'")]
    [InlineData("context.agent.knd == 'a'", 1, 15, "did you mean 'context.agent.kind'")]
    [InlineData("subjcet.id == 'a'", 1, 1, "did you mean 'subject'")]
    [InlineData("user.id == 'a'", 1, 1, "subject, resource, action, context")]
    [InlineData("subject.roles.exists(r, q == 'a')", 1, 25, "a variable (r)")]
    [InlineData("r == 'a' && subject.roles.exists(r, true)", 1, 1, "unknown name 'r'")]
    [InlineData("true &&\n  has(subject.emial)", 2, 15, "did you mean 'subject.email'")]
    public void UnknownName_Rejected_WithPositionAndSuggestion(string condition, int line, int column, string hint)
    {
        var diagnostic = AssertRejected(condition, PolicyDiagnosticCodes.UnknownAttribute, line, column);

        Assert.Contains(hint, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject.roles == 3", 1, 15)]
    [InlineData("subject.roles == ['a']", 1, 15)]
    [InlineData("'a' < 1", 1, 5)]
    [InlineData("1 == 1.0", 1, 3)]
    [InlineData("subject.id && true", 1, 1)]
    [InlineData("true || 1", 1, 9)]
    [InlineData("!subject.id", 1, 1)]
    [InlineData("-subject.id == 'a'", 1, 1)]
    [InlineData("subject.id", 1, 1)]
    [InlineData("subject == 'a'", 1, 1)]
    [InlineData("context.agent == 'a'", 1, 1)]
    [InlineData("subject.risk_level == 'hihg'", 1, 23)]
    [InlineData("subject.risk_level in ['low', 'severe']", 1, 23)]
    [InlineData("subject.risk_level < subject.id", 1, 20)]
    [InlineData("true < false", 1, 6)]
    [InlineData("null < 1", 1, 6)]
    [InlineData("1 in subject.roles", 1, 3)]
    [InlineData("1 in 2", 1, 3)]
    [InlineData("1 in resource.properties", 1, 3)]
    [InlineData("[] == subject.roles", 1, 1)]
    [InlineData("[1, 'a'] == subject.roles", 1, 5)]
    [InlineData("size([subject.roles]) == 1", 1, 7)]
    [InlineData("subject.id.startsWith(1)", 1, 23)]
    [InlineData("subject.roles.startsWith('a')", 1, 15)]
    [InlineData("subject.id.exists(c, true)", 1, 12)]
    [InlineData("subject.roles.exists(r, r)", 1, 25)]
    [InlineData("size(1) == 1", 1, 1)]
    [InlineData("subject.id[0] == 'a'", 1, 11)]
    [InlineData("subject.roles['a'] == 'a'", 1, 15)]
    [InlineData("subject.id.length == 1", 1, 12)]
    [InlineData("has(subject)", 1, 5)]
    [InlineData("has(context.agent)", 1, 13)]
    [InlineData("has(subject.id.x)", 1, 16)]
    [InlineData("subject.id ? true : false", 1, 1)]
    [InlineData("true ? 1 : 'a'", 1, 6)]
    [InlineData("(true ? null : null) == null", 1, 7)]
    [InlineData("--9223372036854775808 < 0", 1, 1)]
    public void TypeMismatch_Rejected_AtPosition(string condition, int line, int column) =>
        AssertRejected(condition, PolicyDiagnosticCodes.TypeMismatch, line, column);

    [Theory]
    [InlineData("subject.id.startsWith() ", 1, 12)]
    [InlineData("subject.id.startsWith('a', 'b')", 1, 12)]
    [InlineData("has(subject.email, subject.id)", 1, 1)]
    [InlineData("has()", 1, 1)]
    [InlineData("size(subject.roles, 1) == 1", 1, 1)]
    [InlineData("subject.roles.size(1) == 1", 1, 15)]
    [InlineData("subject.roles.exists(r)", 1, 15)]
    [InlineData("subject.roles.all(r, true, false)", 1, 15)]
    public void Arity_Wrong_RejectedAtPosition(string condition, int line, int column) =>
        AssertRejected(condition, PolicyDiagnosticCodes.Arity, line, column);

    [Theory]
    [InlineData("subject.id.lower() == 'a'", 1, 12)]
    [InlineData("subject.id.matches('a.*')", 1, 12)]
    [InlineData("matches(subject.id, 'a.*')", 1, 1)]
    [InlineData("startsWith(subject.id, 'a')", 1, 1)]
    [InlineData("subject.id.GetType() == 'a'", 1, 12)]
    [InlineData("timestamp('2026-01-01T00:00:00Z') == 1", 1, 1)]
    [InlineData("subject.roles.map(r, r) == 1", 1, 15)]
    public void Call_OutsideLanguage_RejectedAsUnsupported(string condition, int line, int column) =>
        AssertRejected(condition, PolicyDiagnosticCodes.UnsupportedCall, line, column);

    [Fact]
    public void Checker_SeveralIndependentErrors_ReportsEach()
    {
        var diagnostics = PolicyCompiler.CheckCondition("subject.rolez == 'a' || subject.id == 1 || has(x.y)", RealTimeAuth.Policies.Schema.AttributeSchema.Default);

        Assert.Equal(
            [PolicyDiagnosticCodes.UnknownAttribute, PolicyDiagnosticCodes.TypeMismatch, PolicyDiagnosticCodes.UnknownAttribute],
            diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void CheckCondition_Valid_ReturnsNoDiagnostics() =>
        Assert.Empty(PolicyCompiler.CheckCondition("'admin' in subject.roles", RealTimeAuth.Policies.Schema.AttributeSchema.Default));

    private static PolicyDiagnostic AssertRejected(string condition, string code, int line, int column)
    {
        var diagnostic = Conditions.Reject(condition);
        Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        return diagnostic;
    }
}
