using System.Collections.Immutable;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>Operators: <c>!</c>, unary <c>-</c>, comparisons, <c>in</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>.</summary>
internal sealed partial class Checker
{
    private BoundNode? CheckUnary(UnarySyntax unary)
    {
        var operand = Value(unary.Operand);
        if (operand is null)
        {
            return null;
        }

        if (unary.Operator == TokenKind.Not)
        {
            return operand.Type.Kind == PolicyTypeKind.Bool
                ? new BoundNot(operand)
                : Fail(PolicyDiagnosticCodes.TypeMismatch, unary.Position, $"'!' needs a bool, not {operand.Type}");
        }

        return operand switch
        {
            BoundLiteral { Value: long value } when value == long.MinValue =>
                Fail(PolicyDiagnosticCodes.TypeMismatch, unary.Position, "the integer is out of the 64-bit range"),
            BoundLiteral { Value: long value } => new BoundLiteral(PolicyType.Int, -value),
            BoundLiteral { Value: double value } => new BoundLiteral(PolicyType.Double, -value),
            { Type.Kind: PolicyTypeKind.Int or PolicyTypeKind.Double } => new BoundNegate(operand),
            _ => Fail(PolicyDiagnosticCodes.TypeMismatch, unary.Position, $"'-' needs an int or a double, not {operand.Type}"),
        };
    }

    private BoundNode? CheckComparison(BinarySyntax binary)
    {
        var left = Value(binary.Left);
        var right = Value(binary.Right);
        if (left is null || right is null)
        {
            return null;
        }

        var op = binary.Operator;
        var symbol = Symbol(op);
        var isOrdering = op is not (TokenKind.Equal or TokenKind.NotEqual);
        if (left.Type.Kind == PolicyTypeKind.Null || right.Type.Kind == PolicyTypeKind.Null)
        {
            if (isOrdering)
            {
                return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position, $"'{symbol}' does not order null");
            }

            return left.Type.Kind == right.Type.Kind
                ? new BoundLiteral(PolicyType.Bool, op == TokenKind.Equal)
                : new BoundNullTest(left.Type.Kind == PolicyTypeKind.Null ? right : left, op == TokenKind.Equal);
        }

        if (!left.Type.IsScalar || !right.Type.IsScalar)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position,
                $"'{symbol}' does not compare {left.Type} with {right.Type}; test lists and maps with 'in', exists(), all() or size()");
        }

        if (!left.Type.IsCompatibleWith(right.Type))
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position, $"'{symbol}' cannot compare {left.Type} with {right.Type}");
        }

        if (!IsEnumMember(left.Type, right, binary.Right.Start) || !IsEnumMember(right.Type, left, binary.Left.Start))
        {
            return null;
        }

        if (!isOrdering)
        {
            return new BoundComparison(op, left, right, null);
        }

        if (left.Type.Kind == PolicyTypeKind.Bool)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position, $"'{symbol}' does not order bool values");
        }

        if (!left.Type.IsEnum && !right.Type.IsEnum)
        {
            return new BoundComparison(op, left, right, null);
        }

        // Enumerated strings order by rank (low < medium < high), against a literal or the same type.
        var rankType = left.Type.IsEnum ? left.Type : right.Type;
        var other = left.Type.IsEnum ? right : left;
        return other is BoundLiteral || other.Type.Equals(rankType)
            ? new BoundComparison(op, left, right, rankType)
            : Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position,
                $"'{symbol}' orders {rankType.Name} values by rank; compare with a literal such as '{rankType.EnumValues[^1]}'");
    }

    private BoundNode? CheckIn(BinarySyntax binary)
    {
        var item = Value(binary.Left);
        var container = Value(binary.Right);
        if (item is null || container is null)
        {
            return null;
        }

        switch (container.Type.Kind)
        {
            case PolicyTypeKind.List when item.Type.IsScalar && item.Type.IsCompatibleWith(container.Type.ElementType!):
                if (container is BoundLiteral { Value: ImmutableArray<string> values } && item.Type.IsEnum
                    && values.FirstOrDefault(value => item.Type.RankOf(value) < 0) is { } unknown)
                {
                    return NotEnumMember(item.Type, unknown, binary.Right.Start);
                }

                return IsEnumMember(container.Type.ElementType!, item, binary.Left.Start) ? new BoundIn(item, container) : null;
            case PolicyTypeKind.Map when item.Type.Kind == PolicyTypeKind.String:
                return new BoundIn(item, container);
            case PolicyTypeKind.List or PolicyTypeKind.Map:
                return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position, $"'in' cannot look for {item.Type} in {container.Type}");
            default:
                return Fail(PolicyDiagnosticCodes.TypeMismatch, binary.Position, $"'in' needs a list or a map on its right, not {container.Type}");
        }
    }

    private BoundNode? CheckLogical(LogicalSyntax logical)
    {
        var operands = ImmutableArray.CreateBuilder<BoundNode>(logical.Operands.Length);
        var failed = false;
        foreach (var syntax in logical.Operands)
        {
            var operand = Value(syntax);
            if (operand is not null && operand.Type.Kind != PolicyTypeKind.Bool)
            {
                operand = Fail(PolicyDiagnosticCodes.TypeMismatch, syntax.Start, $"'{Symbol(logical.Operator)}' needs bool operands, not {operand.Type}");
            }

            failed |= operand is null;
            if (operand is not null)
            {
                operands.Add(operand);
            }
        }

        return failed ? null : new BoundLogical(logical.Operator, operands.MoveToImmutable());
    }

    private BoundNode? CheckConditional(ConditionalSyntax conditional)
    {
        var condition = Value(conditional.Condition);
        var then = Value(conditional.Then);
        var otherwise = Value(conditional.Else);
        if (condition is null || then is null || otherwise is null)
        {
            return null;
        }

        if (condition.Type.Kind != PolicyTypeKind.Bool)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, conditional.Condition.Start, $"'?' needs a bool condition, not {condition.Type}");
        }

        if (then.Type.Kind == PolicyTypeKind.Null || otherwise.Type.Kind == PolicyTypeKind.Null)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, conditional.Position, "a branch of '?:' cannot be null; test with has() instead");
        }

        if (then.Type.Equals(otherwise.Type))
        {
            return new BoundConditional(then.Type, condition, then, otherwise);
        }

        return then.Type.Kind == PolicyTypeKind.String && otherwise.Type.Kind == PolicyTypeKind.String
            ? new BoundConditional(PolicyType.String, condition, then, otherwise)
            : Fail(PolicyDiagnosticCodes.TypeMismatch, conditional.Position, $"both branches of '?:' need one type, not {then.Type} and {otherwise.Type}");
    }

    /// <summary>False (with a diagnostic) when <paramref name="other"/> is a string literal outside the enumerated <paramref name="type"/>.</summary>
    private bool IsEnumMember(PolicyType type, BoundNode other, SourcePosition position)
    {
        if (type.IsEnum && other is BoundLiteral { Value: string value } && type.RankOf(value) < 0)
        {
            NotEnumMember(type, value, position);
            return false;
        }

        return true;
    }

    private BoundNode? NotEnumMember(PolicyType type, string value, SourcePosition position) =>
        Fail(PolicyDiagnosticCodes.TypeMismatch, position, $"'{value}' is not a {type.Name}; expected one of {string.Join(", ", type.EnumValues)}");

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.Equal => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessOrEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterOrEqual => ">=",
        TokenKind.And => "&&",
        TokenKind.Or => "||",
        _ => op.ToString(),
    };
}
