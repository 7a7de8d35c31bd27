using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Recursive descent over CEL's grammar without arithmetic:
/// <code>
/// Expr     = Or ["?" Or ":" Expr]
/// Or       = And {"||" And}          And = Relation {"&amp;&amp;" Relation}
/// Relation = Unary {("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in") Unary}
/// Unary    = {"!" | "-"} Member      Member = Primary {"." IDENT ["(" Args ")"] | "[" Expr "]"}
/// Primary  = literal | IDENT ["(" Args ")"] | "(" Expr ")" | "[" [Expr {"," Expr} [","]] "]"
/// </code>
/// Each entry into <c>Expr</c> counts one level of nesting and each node carries its depth, so both the
/// parser's own recursion and the tree stay within <see cref="PolicyLimits.MaxConditionDepth"/>: ten thousand
/// '(' give a <see cref="PolicyDiagnosticCodes.TooDeep"/> diagnostic, not a stack overflow.
/// </summary>
internal sealed class Parser(List<Token> tokens)
{
    private int _position;
    private int _nesting;

    public PolicyDiagnostic? Error { get; private set; }

    private Token Current => tokens[_position];

    public static SyntaxNode? Parse(List<Token> tokens, out PolicyDiagnostic? error)
    {
        var parser = new Parser(tokens);
        var node = parser.ParseExpression();
        if (node is not null && parser.Current.Kind != TokenKind.End)
        {
            parser.Fail(parser.Current.Position, parser.Current.Kind == TokenKind.RightParen
                ? "')' has no matching '('"
                : $"unexpected {parser.Current.Describe()} after a complete expression");
        }

        error = parser.Error;
        return error is null ? node : null;
    }

    private SyntaxNode? ParseExpression()
    {
        if (++_nesting > PolicyLimits.MaxConditionDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return TooDeep(Current.Position);
        }

        try
        {
            var condition = ParseLogical(TokenKind.Or);
            if (condition is null || Current.Kind != TokenKind.Question)
            {
                return condition;
            }

            var position = Advance().Position;
            var then = ParseLogical(TokenKind.Or);
            if (then is null || !Expect(TokenKind.Colon, "':' in the conditional expression"))
            {
                return null;
            }

            var otherwise = ParseExpression();
            return otherwise is null ? null : Bounded(new ConditionalSyntax(position, condition, then, otherwise));
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>An <c>||</c> chain of <c>&amp;&amp;</c> chains of relations.</summary>
    private SyntaxNode? ParseLogical(TokenKind op)
    {
        var first = op == TokenKind.Or ? ParseLogical(TokenKind.And) : ParseRelation();
        if (first is null || Current.Kind != op)
        {
            return first;
        }

        var operands = ImmutableArray.CreateBuilder<SyntaxNode>();
        operands.Add(first);
        var position = Current.Position;
        while (Current.Kind == op)
        {
            Advance();
            var next = op == TokenKind.Or ? ParseLogical(TokenKind.And) : ParseRelation();
            if (next is null)
            {
                return null;
            }

            operands.Add(next);
        }

        return Bounded(new LogicalSyntax(position, op, operands.ToImmutable()));
    }

    private SyntaxNode? ParseRelation()
    {
        var left = ParseUnary();
        while (left is not null && Current.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less
            or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.In)
        {
            var op = Advance();
            var right = ParseUnary();
            left = right is null ? null : Bounded(new BinarySyntax(op.Position, op.Kind, left, right));
        }

        return left;
    }

    private SyntaxNode? ParseUnary()
    {
        var operators = new Stack<Token>();
        while (Current.Kind is TokenKind.Not or TokenKind.Minus)
        {
            operators.Push(Advance());
        }

        SyntaxNode? operand;
        if (operators.Count > 0 && operators.Peek().Kind == TokenKind.Minus && Current.Kind == TokenKind.Int
            && tokens[_position + 1].Kind is not (TokenKind.Dot or TokenKind.LeftBracket))
        {
            // A minus right before an integer is part of the literal, so the most negative long reads.
            var minus = operators.Pop();
            operand = new LiteralSyntax(minus.Position, -(long)Advance().IntMagnitude);
        }
        else
        {
            operand = ParseMember();
        }

        while (operand is not null && operators.Count > 0)
        {
            var op = operators.Pop();
            operand = Bounded(new UnarySyntax(op.Position, op.Kind, operand));
        }

        return operand;
    }

    private SyntaxNode? ParseMember()
    {
        var node = ParsePrimary();
        while (node is not null)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                if (Current.Kind != TokenKind.Identifier)
                {
                    return Fail(Current.Position, $"expected a field or method name after '.' but found {Current.Describe()}");
                }

                var name = Advance();
                if (Current.Kind == TokenKind.LeftParen)
                {
                    var arguments = ParseArguments();
                    node = arguments is { } args ? Bounded(new CallSyntax(name.Position, node, name.Text, args)) : null;
                }
                else
                {
                    node = Bounded(new SelectSyntax(name.Position, node, name.Text));
                }
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                var open = Advance();
                var index = ParseExpression();
                node = index is not null && Expect(TokenKind.RightBracket, $"']' to close the '[' at {Format(open.Position)}")
                    ? Bounded(new IndexSyntax(open.Position, node, index))
                    : null;
            }
            else
            {
                return node;
            }
        }

        return null;
    }

    private SyntaxNode? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Int:
                Advance();
                return token.IntMagnitude > long.MaxValue
                    ? Fail(token.Position, "the integer is out of the 64-bit range")
                    : new LiteralSyntax(token.Position, (long)token.IntMagnitude);
            case TokenKind.Double:
                Advance();
                return new LiteralSyntax(token.Position, token.DoubleValue);
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(token.Position, token.StringValue);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralSyntax(token.Position, token.Kind == TokenKind.True);
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(token.Position, null);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind != TokenKind.LeftParen)
                {
                    return new IdentifierSyntax(token.Position, token.Text);
                }

                var arguments = ParseArguments();
                return arguments is { } args ? Bounded(new CallSyntax(token.Position, null, token.Text, args)) : null;
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                return inner is not null && Expect(TokenKind.RightParen, $"')' to close the '(' at {Format(token.Position)}") ? inner : null;
            case TokenKind.LeftBracket:
                Advance();
                var items = ParseList(TokenKind.RightBracket, $"']' to close the '[' at {Format(token.Position)}");
                return items is { } list ? Bounded(new ListSyntax(token.Position, list)) : null;
            default:
                return Fail(token.Position, $"expected a value but found {token.Describe()}");
        }
    }

    private ImmutableArray<SyntaxNode>? ParseArguments()
    {
        var open = Advance();
        return ParseList(TokenKind.RightParen, $"')' to close the '(' at {Format(open.Position)}");
    }

    /// <summary>Comma-separated expressions up to <paramref name="close"/>; a trailing comma is allowed.</summary>
    private ImmutableArray<SyntaxNode>? ParseList(TokenKind close, string closeDescription)
    {
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        while (Current.Kind != close)
        {
            var item = ParseExpression();
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            if (Current.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        return Expect(close, closeDescription) ? items.ToImmutable() : null;
    }

    private Token Advance() => tokens[Current.Kind == TokenKind.End ? _position : _position++];

    private bool Expect(TokenKind kind, string description)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }

        Fail(Current.Position, $"expected {description} but found {Current.Describe()}");
        return false;
    }

    private SyntaxNode? Bounded(SyntaxNode node) =>
        node.Depth > PolicyLimits.MaxConditionDepth ? TooDeep(node.Position) : node;

    private SyntaxNode? TooDeep(SourcePosition position)
    {
        Error ??= ConditionDiagnostics.At(PolicyDiagnosticCodes.TooDeep, position,
            $"the condition nests deeper than {PolicyLimits.MaxConditionDepth} levels");
        return null;
    }

    private SyntaxNode? Fail(SourcePosition position, string message)
    {
        Error ??= ConditionDiagnostics.At(PolicyDiagnosticCodes.Syntax, position, message);
        return null;
    }

    private static string Format(SourcePosition position) => $"{position.Line}:{position.Column}";
}
