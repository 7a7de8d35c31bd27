using CsCheck;
using RealTimeAuth.Fuzz.Tests.Running;

namespace RealTimeAuth.Fuzz.Tests.Policies;

/// <summary>
/// Syntactically plausible conditions from the language's grammar: every attribute of the built-in schema, literals
/// at their boundaries, every operator and call, nested to past the depth limit; types are left to chance, so the
/// checker sees both well-typed and ill-typed trees.
/// </summary>
internal static class ConditionGen
{
    private static readonly string[] Attributes =
    [
        "subject.type", "subject.id", "subject.email", "subject.roles", "subject.risk_level", "subject.assurance_level",
        "subject.device_compliant", "subject.attributes", "subject.attributes.department", "subject.attributes['site']",
        "resource.type", "resource.id", "resource.properties", "resource.properties.ownerID", "resource.properties['pages']",
        "resource.asserted", "resource.asserted.ownerID", "action.name", "context.agent.id", "context.agent.kind",
        "context.delegation.depth", "context.chain", "context.chain_kinds", "context.chain_clients", "context.time_of_day",
        "context.day_of_week", "context.request", "context.request.ip", "subject.nope", "x", "subject",
    ];

    private static readonly string[] Literals =
    [
        "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "0x7fffffffffffffff", "0xffffffffffffffff",
        "1.5", "1e308", "1e309", "-0.0", "true", "false", "null", "''", "'low'", "'high'", "\"editor\"", "'\\n\\t\\''", "'\\u00e9'",
        "'\\ud800'", "'alice@example.com'", "[]", "['editor', 'staff']", "[1, 2, 3]", "[0, 6]",
    ];

    private static readonly string[] Binary = ["==", "!=", "<", "<=", ">", ">=", "&&", "||", "in", "+", "-", "*", "/", "%"];

    private static readonly string[] Methods = ["startsWith", "endsWith", "contains", "size", "exists", "all", "matches", "has"];

    public static Gen<string> Expression { get; } = Gen.Recursive<string>((depth, self) =>
    {
        var atom = Gen.OneOf(Gen.OneOf(Attributes), Gen.OneOf(Literals), Gen.Int.Select(static n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (depth >= 8)
        {
            return atom;
        }

        return Weighted.Of(
            (4, atom),
            (4, Gen.Select(self, Gen.OneOf(Binary), self, static (left, op, right) => $"{left} {op} {right}")),
            (1, Gen.Select(Gen.OneOf("!", "-", "!!"), self, static (op, operand) => op + operand)),
            (1, self.Select(static inner => $"({inner})")),
            (1, Gen.Select(self, self, self, static (c, a, b) => $"{c} ? {a} : {b}")),
            (1, Gen.Select(Gen.OneOf(Attributes), static path => $"has({path})")),
            (1, self.Select(static inner => $"size({inner})")),
            (2, Gen.Select(self, Gen.OneOf(Methods), self, static (target, method, argument) => $"{target}.{method}({argument})")),
            (1, Gen.Select(Gen.OneOf(Attributes), Gen.OneOf("exists", "all"), self, static (list, method, body) => $"{list}.{method}(v, {body})")),
            (1, Gen.Select(self, self, static (target, index) => $"{target}[{index}]")),
            (1, self.Array[0, 4].Select(static items => $"[{string.Join(", ", items)}]")));
    });

    /// <summary>An operator or bracket repeated up to past the length limit: the depth bound and the length bound.</summary>
    public static Gen<string> Deep { get; } = Gen.Select(Gen.OneOf("(", "!", "-", "[", "has(", "size(", "x.all(v, ", "a ? "), Gen.Int[1, 5000], Gen.OneOf("true", "1", "x", ""),
        static (prefix, count, atom) => string.Concat(Enumerable.Repeat(prefix, count)) + atom);
}
