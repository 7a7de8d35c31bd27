using System.Collections.Immutable;
using System.Diagnostics;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Resolves names against the <see cref="AttributeSchema"/> and checks types, reporting every error it finds
/// with its position; a subtree with an error yields null and its parents stay quiet, so one mistake gives
/// one diagnostic. The tree is at most <see cref="PolicyLimits.MaxConditionDepth"/> deep (the parser saw to
/// it), so the recursion here is bounded.
/// </summary>
internal sealed partial class Checker
{
    private readonly AttributeSchema _schema;
    private readonly List<PolicyDiagnostic> _errors;
    private readonly List<(string Name, PolicyType Type)> _variables = [];

    private Checker(AttributeSchema schema, List<PolicyDiagnostic> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    /// <summary>The checked condition, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static BoundNode? Check(SyntaxNode syntax, AttributeSchema schema, List<PolicyDiagnostic> errors)
    {
        var before = errors.Count;
        var checker = new Checker(schema, errors);
        var bound = checker.Value(syntax);
        if (bound is not null && bound.Type.Kind != PolicyTypeKind.Bool)
        {
            checker.Fail(PolicyDiagnosticCodes.TypeMismatch, syntax.Start, $"a condition must be bool, not {bound.Type}");
        }

        return errors.Count == before ? bound : null;
    }

    private BoundNode? Value(SyntaxNode syntax)
    {
        var resolved = Resolve(syntax);
        return resolved.Object is { } node
            ? Fail(PolicyDiagnosticCodes.TypeMismatch, syntax.Start, $"'{node.Path}' is not a value; name one of its attributes: {Members(node)}")
            : resolved.Value;
    }

    private Resolved Resolve(SyntaxNode syntax) => syntax switch
    {
        LiteralSyntax literal => new(Literal(literal.Value), null),
        IdentifierSyntax identifier => ResolveIdentifier(identifier),
        SelectSyntax select => ResolveSelect(select),
        IndexSyntax index => new(CheckIndex(index), null),
        CallSyntax call => new(CheckCall(call), null),
        ListSyntax list => new(CheckList(list), null),
        UnarySyntax unary => new(CheckUnary(unary), null),
        BinarySyntax binary => new(binary.Operator == TokenKind.In ? CheckIn(binary) : CheckComparison(binary), null),
        LogicalSyntax logical => new(CheckLogical(logical), null),
        ConditionalSyntax conditional => new(CheckConditional(conditional), null),
        _ => throw new UnreachableException(),
    };

    private static BoundLiteral Literal(object? value) => value switch
    {
        bool => new(PolicyType.Bool, value),
        long => new(PolicyType.Int, value),
        double => new(PolicyType.Double, value),
        string => new(PolicyType.String, value),
        _ => new(PolicyType.Null, null),
    };

    private Resolved ResolveIdentifier(IdentifierSyntax identifier)
    {
        for (var slot = _variables.Count - 1; slot >= 0; slot--)
        {
            if (_variables[slot].Name == identifier.Name)
            {
                return new(new BoundVariable(_variables[slot].Type, slot), null);
            }
        }

        if (_schema.Root.Children.TryGetValue(identifier.Name, out var root))
        {
            return new(null, root);
        }

        var scope = _variables.Count == 0 ? string.Empty : $" or a variable ({string.Join(", ", _variables.Select(v => v.Name))})";
        Fail(PolicyDiagnosticCodes.UnknownAttribute, identifier.Position,
            $"unknown name '{identifier.Name}'{Suggestions.DidYouMean(identifier.Name, _schema.Root.Children.Keys)}; a name is subject, resource, action, context{scope}");
        return default;
    }

    private Resolved ResolveSelect(SelectSyntax select)
    {
        var target = Resolve(select.Target);
        if (target.Object is { } node)
        {
            return Member(node, select.Field, select.Position) is { } child
                ? child.Attribute is { } attribute ? new(new BoundAttribute(attribute), null) : new(null, child)
                : default;
        }

        if (target.Value is { } value)
        {
            return value.Type.Kind == PolicyTypeKind.Map
                ? new(new BoundMapKey(value, select.Field), null)
                : new(Fail(PolicyDiagnosticCodes.TypeMismatch, select.Position, $"{value.Type} has no field '{select.Field}'"), null);
        }

        return default;
    }

    private SchemaNode? Member(SchemaNode node, string field, SourcePosition position)
    {
        if (node.Children.TryGetValue(field, out var child))
        {
            return child;
        }

        Fail(PolicyDiagnosticCodes.UnknownAttribute, position,
            $"unknown attribute '{node.Path}.{field}'{Suggestions.DidYouMean(field, node.Children.Keys, node.Path + ".")}; {node.Path} has {Members(node)}");
        return null;
    }

    private BoundNode? CheckIndex(IndexSyntax index)
    {
        var target = Value(index.Target);
        var key = Value(index.Index);
        if (target is null || key is null)
        {
            return null;
        }

        var keyKind = target.Type.Kind switch
        {
            PolicyTypeKind.Map => PolicyTypeKind.String,
            PolicyTypeKind.List => PolicyTypeKind.Int,
            _ => (PolicyTypeKind?)null,
        };
        if (keyKind is null)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, index.Position, $"{target.Type} cannot be indexed");
        }

        if (key.Type.Kind != keyKind)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, index.Index.Start, $"{target.Type} is indexed by {keyKind.Value.ToString().ToLowerInvariant()}, not {key.Type}");
        }

        return key is BoundLiteral { Value: string name } && target.Type.Kind == PolicyTypeKind.Map
            ? new BoundMapKey(target, name)
            : new BoundIndex(target.Type.ElementType!, target, key);
    }

    private BoundNode? CheckList(ListSyntax list)
    {
        if (list.Items.IsEmpty)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, list.Position, "an empty list has no element type; test emptiness with size(x) == 0");
        }

        var items = list.Items.Select(Value).ToList();
        if (items.Any(item => item is null))
        {
            return null;
        }

        var element = items[0]!.Type;
        for (var i = 0; i < items.Count; i++)
        {
            var type = items[i]!.Type;
            if (!type.IsScalar)
            {
                return Fail(PolicyDiagnosticCodes.TypeMismatch, list.Items[i].Start, $"a list holds bool, int, double or string values, not {type}");
            }

            if (!type.IsCompatibleWith(element))
            {
                return Fail(PolicyDiagnosticCodes.TypeMismatch, list.Items[i].Start, $"list items must share one type: {element} and {type}");
            }

            element = type.Equals(element) ? element : PolicyType.String;
        }

        var listType = PolicyType.ListOf(element);
        return items.All(item => item is BoundLiteral)
            ? new BoundLiteral(listType, ConstantList(element.Kind, items.Select(item => ((BoundLiteral)item!).Value!)))
            : new BoundList(listType, [.. items!]);
    }

    private static object ConstantList(PolicyTypeKind kind, IEnumerable<object> values) => kind switch
    {
        PolicyTypeKind.Bool => values.Cast<bool>().ToImmutableArray(),
        PolicyTypeKind.Int => values.Cast<long>().ToImmutableArray(),
        PolicyTypeKind.Double => values.Cast<double>().ToImmutableArray(),
        _ => values.Cast<string>().ToImmutableArray(),
    };

    private static string Members(SchemaNode node) => string.Join(", ", node.Children.Keys.Order(StringComparer.Ordinal));

    private BoundNode? Fail(string code, SourcePosition position, string message)
    {
        _errors.Add(ConditionDiagnostics.At(code, position, message));
        return null;
    }

    private readonly record struct Resolved(BoundNode? Value, SchemaNode? Object);
}
