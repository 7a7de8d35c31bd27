using System.Collections.Immutable;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// The parsed condition. Every node knows its depth (1 for a leaf), computed as it is built, so the parser
/// rejects a tree deeper than <see cref="PolicyLimits.MaxConditionDepth"/> and later passes recurse only that far.
/// </summary>
internal abstract record SyntaxNode(SourcePosition Position, int Depth)
{
    /// <summary>Where the node's text begins; <see cref="Position"/> is its operator or name.</summary>
    public virtual SourcePosition Start => Position;
}

internal sealed record LiteralSyntax(SourcePosition Position, object? Value) : SyntaxNode(Position, 1);

internal sealed record IdentifierSyntax(SourcePosition Position, string Name) : SyntaxNode(Position, 1);

internal sealed record SelectSyntax(SourcePosition Position, SyntaxNode Target, string Field)
    : SyntaxNode(Position, Target.Depth + 1)
{
    public override SourcePosition Start => Target.Start;
}

internal sealed record IndexSyntax(SourcePosition Position, SyntaxNode Target, SyntaxNode Index)
    : SyntaxNode(Position, Math.Max(Target.Depth, Index.Depth) + 1)
{
    public override SourcePosition Start => Target.Start;
}

/// <summary><c>name(args)</c> or, with a receiver, <c>receiver.name(args)</c>.</summary>
internal sealed record CallSyntax(SourcePosition Position, SyntaxNode? Receiver, string Name, ImmutableArray<SyntaxNode> Arguments)
    : SyntaxNode(Position, Math.Max(Receiver?.Depth ?? 0, SyntaxDepth.Of(Arguments)) + 1)
{
    public override SourcePosition Start => Receiver?.Start ?? Position;
}

internal sealed record ListSyntax(SourcePosition Position, ImmutableArray<SyntaxNode> Items)
    : SyntaxNode(Position, SyntaxDepth.Of(Items) + 1);

internal sealed record UnarySyntax(SourcePosition Position, TokenKind Operator, SyntaxNode Operand)
    : SyntaxNode(Position, Operand.Depth + 1);

/// <summary>A comparison or <c>in</c>.</summary>
internal sealed record BinarySyntax(SourcePosition Position, TokenKind Operator, SyntaxNode Left, SyntaxNode Right)
    : SyntaxNode(Position, Math.Max(Left.Depth, Right.Depth) + 1)
{
    public override SourcePosition Start => Left.Start;
}

/// <summary>A chain of <c>&amp;&amp;</c> or of <c>||</c>, flattened so long chains stay shallow.</summary>
internal sealed record LogicalSyntax(SourcePosition Position, TokenKind Operator, ImmutableArray<SyntaxNode> Operands)
    : SyntaxNode(Position, SyntaxDepth.Of(Operands) + 1)
{
    public override SourcePosition Start => Operands[0].Start;
}

internal sealed record ConditionalSyntax(SourcePosition Position, SyntaxNode Condition, SyntaxNode Then, SyntaxNode Else)
    : SyntaxNode(Position, Math.Max(Condition.Depth, Math.Max(Then.Depth, Else.Depth)) + 1)
{
    public override SourcePosition Start => Condition.Start;
}

internal static class SyntaxDepth
{
    public static int Of(ImmutableArray<SyntaxNode> nodes)
    {
        var depth = 0;
        foreach (var node in nodes)
        {
            depth = Math.Max(depth, node.Depth);
        }

        return depth;
    }
}
