using System.Reflection;
using CsCheck;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Policies.Tests;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.Policies;

/// <summary>
/// Conditions from the grammar, random text, deep nesting and mutations of generated ones through the checker
/// (<see cref="PolicyCompiler.CheckCondition"/>) and the compiler: each gives diagnostics with known codes, or a
/// compiled policy whose evaluation never throws; the checker and the compiler agree; nothing throws or hangs.
/// </summary>
public sealed class ConditionFuzzTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Codes =
        [.. typeof(PolicyDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetRawConstantValue()!)];

    private static readonly DecisionRequest[] Requests =
        [TestRequests.Full(), TestRequests.Request(subject: TestRequests.Bare, resourceId: null), TestRequests.Request(agent: TestRequests.Agent("x", 9))];

    [Fact]
    public void Compiler_GeneratedRandomAndMutatedConditions_DiagnosesOrCompilesAndEvaluates()
    {
        FuzzTarget.Run("condition", Inputs(), condition =>
        {
            var checkedAlone = PolicyCompiler.CheckCondition(condition, AttributeSchema.Default);
            var compilation = PolicyCompiler.Compile(TestPolicies.Set(TestPolicies.Allow("r", condition: condition)), AttributeSchema.Default, "fuzz");
            Assert.Equal(checkedAlone.IsEmpty, compilation.Succeeded);
            Assert.All(checkedAlone, diagnostic =>
            {
                Assert.Contains(diagnostic.Code, Codes);
                Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1 && diagnostic.Message.Length > 0, diagnostic.ToString());
            });
            if (compilation.PolicySet is { } policy)
            {
                foreach (var request in Requests)
                {
                    _ = policy.Evaluate(in request);
                }
            }
            else
            {
                Assert.NotEmpty(compilation.Diagnostics);
            }
        }, FuzzSettings.Iterations(quick: 4_000, full: 1_000_000), Escape.Text, output.WriteLine);
    }

    private static Gen<string> Inputs()
    {
        var mutated = Gen.Select(ConditionGen.Expression, ConditionGen.Expression, Edit.Several, static (text, other, edits) => Mutator.Apply(text, other, edits));
        return Weighted.Of((6, ConditionGen.Expression), (3, mutated), (1, Gen.String[0, 200]), (1, ConditionGen.Deep));
    }
}
