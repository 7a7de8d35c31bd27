using System.Text;
using RealTimeAuth.Policies.Conditions;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Tests;

/// <summary>
/// Thousands of random and mutated conditions: compiling each either succeeds or gives positioned
/// diagnostics, and evaluating what compiles never throws. Seeds are fixed so a failure reproduces.
/// </summary>
public sealed class ConditionFuzzTests
{
    private const int Iterations = 4_000;

    private static readonly string[] Seeds =
    [
        "'admin' in subject.roles || ('editor' in subject.roles && resource.properties.ownerID == subject.email)",
        "subject.roles.exists(r, r.startsWith('ad')) && size(context.chain) <= 2",
        "has(resource.properties.ownerID) ? resource.properties.ownerID == subject.email : false",
        "subject.risk_level < 'high' && subject.assurance_level >= 2 && subject.device_compliant == true",
        "context.time_of_day >= 540 && context.time_of_day < 1020 && !(context.day_of_week in [0, 6])",
        "context.chain.all(a, a.endsWith('-7') || a.contains('portal')) && -1 < 0x10 && 1.5e2 > 0.0",
        "resource.properties['ownerID'] != null && subject.roles[0] == \"editor\\n\"",
    ];

    private static readonly string[] Fragments =
    [
        "subject", "resource", "action", "context", ".", "roles", "email", "properties", "ownerID", "agent", "kind",
        "(", ")", "[", "]", ",", "?", ":", "!", "-", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in", "===", "=",
        "'a'", "\"b\"", "'", "\"", "\\", "1", "0x", "1e", "2.5", "-9223372036854775808", "99999999999999999999",
        "true", "false", "null", "has(", "size(", ".exists(x, ", ".all(x, ", "x", ".startsWith(", ".contains(",
        " ", "\n", "\t", "//", "{", "}", "+", "*", "\u00e9", "\ud800", "\0", "`", "#",
    ];

    [Fact]
    public void Compiler_RandomFragments_NeverThrowsAndPositionsEveryDiagnostic()
    {
        var random = new Random(20260105);
        for (var i = 0; i < Iterations; i++)
        {
            var text = new StringBuilder();
            var count = random.Next(1, 24);
            for (var j = 0; j < count; j++)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            CompileAndEvaluate(text.ToString());
        }
    }

    [Fact]
    public void Compiler_MutatedValidConditions_NeverThrowsAndPositionsEveryDiagnostic()
    {
        var random = new Random(42);
        for (var i = 0; i < Iterations; i++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && text.Length > 0; m++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                        break;
                    case 2:
                        text[at] = (char)random.Next(32, 127);
                        break;
                    default:
                        var length = Math.Min(random.Next(1, 12), text.Length - at);
                        text.Insert(random.Next(text.Length), text.ToString(at, length));
                        break;
                }
            }

            CompileAndEvaluate(text.ToString());
        }
    }

    [Fact]
    public void Compiler_RandomUnicode_NeverThrows()
    {
        var random = new Random(7);
        for (var i = 0; i < Iterations; i++)
        {
            var chars = new char[random.Next(0, 64)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x10000);
            }

            CompileAndEvaluate(new string(chars));
        }
    }

    private static void CompileAndEvaluate(string condition)
    {
        var errors = new List<PolicyDiagnostic>();
        AttributeReader<bool>? reader;
        try
        {
            reader = ConditionCompiler.Compile(condition, AttributeSchema.Default, errors);
        }
        catch (Exception exception)
        {
            Assert.Fail($"Compiling {Escape(condition)} threw {exception}");
            return;
        }

        if (reader is null)
        {
            Assert.NotEmpty(errors);
            Assert.All(errors, error => Assert.True(error.Line >= 1 && error.Column >= 1 && error.Message.Length > 0, $"{Escape(condition)}: {error}"));
            return;
        }

        Assert.Empty(errors);
        foreach (var request in new[] { TestRequests.Full(), TestRequests.Request(subject: TestRequests.Bare, resourceId: null) })
        {
            try
            {
                reader(in request, out _);
            }
            catch (Exception exception)
            {
                Assert.Fail($"Evaluating {Escape(condition)} threw {exception}");
            }
        }
    }

    private static string Escape(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
