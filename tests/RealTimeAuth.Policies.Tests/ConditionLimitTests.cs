using RealTimeAuth.Policies.Conditions;

namespace RealTimeAuth.Policies.Tests;

/// <summary>Length and depth bounds: clean diagnostics, never a stack overflow.</summary>
public sealed class ConditionLimitTests
{
    [Fact]
    public void Condition_LongerThanLimit_RejectedBeforeParsing()
    {
        var condition = "true" + new string(' ', PolicyLimits.MaxConditionLength);

        var diagnostic = Conditions.Reject(condition);

        Assert.Equal((PolicyDiagnosticCodes.TooLong, 1, PolicyLimits.MaxConditionLength + 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Condition_AtLengthLimit_Compiles()
    {
        var condition = "true" + new string(' ', PolicyLimits.MaxConditionLength - 4);

        Assert.Equal(true, Conditions.Evaluate(condition, TestRequests.Full()));
    }

    [Fact]
    public void TenThousandParentheses_ThroughCompiler_RejectedAsTooLong() =>
        Assert.Equal(PolicyDiagnosticCodes.TooLong, Conditions.Reject(new string('(', 10_000)).Code);

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void ManyParentheses_ThroughParser_RejectedAsTooDeepAtTheLimit(int count)
    {
        var diagnostic = ParseOnly(new string('(', count) + "true" + new string(')', count));

        Assert.Equal((PolicyDiagnosticCodes.TooDeep, 1, PolicyLimits.MaxConditionDepth + 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("(", 100)]
    [InlineData("!", 100)]
    [InlineData("-", 100)]
    [InlineData("[", 100)]
    [InlineData("size(", 100)]
    [InlineData("subject.roles.exists(x, ", 100)]
    public void NestedPrefix_BeyondDepth_RejectedAsTooDeep(string prefix, int count)
    {
        var condition = string.Concat(Enumerable.Repeat(prefix, count)) + "1";

        Assert.Equal(PolicyDiagnosticCodes.TooDeep, Conditions.Reject(condition).Code);
    }

    [Fact]
    public void MemberChain_BeyondDepth_RejectedAsTooDeep() =>
        Assert.Equal(PolicyDiagnosticCodes.TooDeep, Conditions.Reject("subject" + string.Concat(Enumerable.Repeat(".x", 200))).Code);

    [Fact]
    public void ComparisonChain_BeyondDepth_RejectedAsTooDeep() =>
        Assert.Equal(PolicyDiagnosticCodes.TooDeep, Conditions.Reject("true" + string.Concat(Enumerable.Repeat(" == true", 100))).Code);

    [Fact]
    public void Nesting_WithinDepth_Compiles()
    {
        const int depth = 40;
        var condition = new string('(', depth) + "subject.id == 'alice'" + new string(')', depth);

        Assert.Equal(true, Conditions.Evaluate(condition, TestRequests.Full()));
    }

    [Fact]
    public void FlatOrChain_ManyOperands_StaysShallowAndCompiles()
    {
        var condition = string.Join(" || ", Enumerable.Range(0, 150).Select(i => $"resource.id == 'r{i}'").Append("resource.id == 'doc-1'"));

        Assert.True(condition.Length < PolicyLimits.MaxConditionLength);
        Assert.Equal(true, Conditions.Evaluate(condition, TestRequests.Full()));
    }

    [Fact]
    public void DeepestAllowedCondition_OnSmallStack_CompilesAndEvaluates()
    {
        var condition = string.Concat(Enumerable.Repeat("subject.roles.exists(x, ", 20)) + "x == 'staff'" + new string(')', 20)
            + " && " + new string('(', 40) + "true" + new string(')', 40);
        bool? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = Conditions.Evaluate(condition, TestRequests.Full());
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, maxStackSize: 512 * 1024);

        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal(true, result);
    }

    private static PolicyDiagnostic ParseOnly(string text)
    {
        var tokens = Lexer.Tokenize(text, out var lexError);
        Assert.Null(lexError);
        Assert.Null(Parser.Parse(tokens!, out var parseError));
        return parseError!;
    }
}
