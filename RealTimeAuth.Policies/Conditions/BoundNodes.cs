using System.Collections.Immutable;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>The checked condition: every node has its static type, names are resolved to attributes or variables.</summary>
internal abstract record BoundNode(PolicyType Type);

/// <summary>A constant: bool, long, double, string, null, or an <c>ImmutableArray</c> of one of those for a constant list.</summary>
internal sealed record BoundLiteral(PolicyType Type, object? Value) : BoundNode(Type);

internal sealed record BoundAttribute(AttributeDefinition Attribute) : BoundNode(Attribute.Type);

/// <summary><c>map.key</c> or <c>map['key']</c>: absent when the key is missing.</summary>
internal sealed record BoundMapKey(BoundNode Map, string Key) : BoundNode(Map.Type.ElementType!);

/// <summary><c>list[int]</c> or <c>map[string]</c> with a computed index.</summary>
internal sealed record BoundIndex(PolicyType Type, BoundNode Target, BoundNode Index) : BoundNode(Type);

/// <summary>The variable of an enclosing <c>exists</c>/<c>all</c>; <see cref="Slot"/> is its nesting level.</summary>
internal sealed record BoundVariable(PolicyType Type, int Slot) : BoundNode(Type);

internal sealed record BoundNot(BoundNode Operand) : BoundNode(PolicyType.Bool);

internal sealed record BoundNegate(BoundNode Operand) : BoundNode(Operand.Type);

/// <summary>A comparison of two values of one kind; <see cref="RankType"/> is set when it compares enum ranks.</summary>
internal sealed record BoundComparison(TokenKind Operator, BoundNode Left, BoundNode Right, PolicyType? RankType) : BoundNode(PolicyType.Bool);

/// <summary><c>x == null</c> (<see cref="IsNull"/>) or <c>x != null</c>: whether x has no value.</summary>
internal sealed record BoundNullTest(BoundNode Operand, bool IsNull) : BoundNode(PolicyType.Bool);

internal sealed record BoundIn(BoundNode Item, BoundNode Container) : BoundNode(PolicyType.Bool);

internal sealed record BoundLogical(TokenKind Operator, ImmutableArray<BoundNode> Operands) : BoundNode(PolicyType.Bool);

internal sealed record BoundConditional(PolicyType Type, BoundNode Condition, BoundNode Then, BoundNode Else) : BoundNode(Type);

/// <summary><c>has(…)</c> over a <see cref="BoundAttribute"/> or <see cref="BoundMapKey"/>.</summary>
internal sealed record BoundHas(BoundNode Operand) : BoundNode(PolicyType.Bool);

internal sealed record BoundSize(BoundNode Operand) : BoundNode(PolicyType.Int);

/// <summary><c>startsWith</c>, <c>endsWith</c> or <c>contains</c>.</summary>
internal sealed record BoundStringTest(string Function, BoundNode Receiver, BoundNode Argument) : BoundNode(PolicyType.Bool);

/// <summary><c>exists</c> or <c>all</c>: <see cref="Predicate"/> sees each item in variable <see cref="Slot"/>.</summary>
internal sealed record BoundMacro(string Function, BoundNode List, int Slot, BoundNode Predicate) : BoundNode(PolicyType.Bool);

/// <summary>A list literal with computed items.</summary>
internal sealed record BoundList(PolicyType Type, ImmutableArray<BoundNode> Items) : BoundNode(Type);
