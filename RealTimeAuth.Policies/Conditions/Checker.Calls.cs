using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// The few calls the language has: <c>has()</c> and <c>size()</c>, and the receiver-style <c>startsWith</c>,
/// <c>endsWith</c>, <c>contains</c>, <c>exists</c>, <c>all</c> and <c>size</c>. Any other call is rejected.
/// </summary>
internal sealed partial class Checker
{
    private BoundNode? CheckCall(CallSyntax call)
    {
        if (call.Receiver is null)
        {
            return call.Name switch
            {
                ConditionFunctions.Has => HasArity(call, 1) ? CheckHas(call.Arguments[0]) : null,
                ConditionFunctions.Size => HasArity(call, 1) ? CheckSize(call.Arguments[0], call.Position) : null,
                _ => Fail(PolicyDiagnosticCodes.UnsupportedCall, call.Position,
                    $"'{call.Name}()' is not a function of the condition language, which has {ConditionFunctions.Summary}"),
            };
        }

        return call.Name switch
        {
            ConditionFunctions.StartsWith or ConditionFunctions.EndsWith or ConditionFunctions.Contains =>
                HasArity(call, 1) ? CheckStringTest(call) : null,
            ConditionFunctions.Exists or ConditionFunctions.All => HasArity(call, 2) ? CheckMacro(call) : null,
            ConditionFunctions.Size => HasArity(call, 0) ? CheckSize(call.Receiver, call.Position) : null,
            _ => Fail(PolicyDiagnosticCodes.UnsupportedCall, call.Position,
                $"method calls are not allowed: '{call.Name}()' is not part of the condition language, which has {ConditionFunctions.Summary}"),
        };
    }

    private bool HasArity(CallSyntax call, int count)
    {
        if (call.Arguments.Length == count)
        {
            return true;
        }

        Fail(PolicyDiagnosticCodes.Arity, call.Position,
            $"{call.Name}() takes {count} argument{(count == 1 ? string.Empty : "s")}, not {call.Arguments.Length}");
        return false;
    }

    private BoundNode? CheckHas(SyntaxNode argument)
    {
        switch (argument)
        {
            case SelectSyntax select:
                var target = Resolve(select.Target);
                if (target.Object is { } node)
                {
                    var child = Member(node, select.Field, select.Position);
                    return child is null ? null
                        : child.Attribute is { } attribute ? new BoundHas(new BoundAttribute(attribute))
                        : Fail(PolicyDiagnosticCodes.TypeMismatch, select.Position,
                            $"has() tests an attribute, and '{child.Path}' is an object; test one of: {Members(child)}");
                }

                return target.Value switch
                {
                    null => null,
                    { Type.Kind: PolicyTypeKind.Map } map => new BoundHas(new BoundMapKey(map, select.Field)),
                    var value => Fail(PolicyDiagnosticCodes.TypeMismatch, select.Position, $"has() needs a field of an object or a map key, and {value.Type} has none"),
                };
            case IndexSyntax { Index: LiteralSyntax { Value: string key } } index:
                return Value(index.Target) switch
                {
                    null => null,
                    { Type.Kind: PolicyTypeKind.Map } map => new BoundHas(new BoundMapKey(map, key)),
                    var value => Fail(PolicyDiagnosticCodes.TypeMismatch, index.Position, $"has() needs a map key, and {value.Type} is not a map"),
                };
            default:
                return Fail(PolicyDiagnosticCodes.TypeMismatch, argument.Start,
                    "has() takes a field selection, such as has(subject.email) or has(resource.properties.ownerID)");
        }
    }

    private BoundNode? CheckSize(SyntaxNode operandSyntax, SourcePosition position) =>
        Value(operandSyntax) switch
        {
            null => null,
            { Type.Kind: PolicyTypeKind.List or PolicyTypeKind.Map or PolicyTypeKind.String } operand => new BoundSize(operand),
            var operand => Fail(PolicyDiagnosticCodes.TypeMismatch, position, $"size() needs a list, a map or a string, not {operand.Type}"),
        };

    private BoundNode? CheckStringTest(CallSyntax call)
    {
        var receiver = Value(call.Receiver!);
        var argument = Value(call.Arguments[0]);
        if (receiver is null || argument is null)
        {
            return null;
        }

        if (receiver.Type.Kind != PolicyTypeKind.String)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, call.Position, $"{call.Name}() is a method of strings, not of {receiver.Type}");
        }

        return argument.Type.Kind == PolicyTypeKind.String
            ? new BoundStringTest(call.Name, receiver, argument)
            : Fail(PolicyDiagnosticCodes.TypeMismatch, call.Arguments[0].Start, $"{call.Name}() takes a string, not {argument.Type}");
    }

    private BoundNode? CheckMacro(CallSyntax call)
    {
        var list = Value(call.Receiver!);
        if (list is null)
        {
            return null;
        }

        if (list.Type.Kind != PolicyTypeKind.List)
        {
            return Fail(PolicyDiagnosticCodes.TypeMismatch, call.Position, $"{call.Name}() is a method of lists, not of {list.Type}");
        }

        if (call.Arguments[0] is not IdentifierSyntax variable)
        {
            return Fail(PolicyDiagnosticCodes.Syntax, call.Arguments[0].Position,
                $"the first argument of {call.Name}() names the item variable, as in list.{call.Name}(x, x == 'a')");
        }

        if (AttributeSchema.Roots.Contains(variable.Name))
        {
            return Fail(PolicyDiagnosticCodes.Syntax, variable.Position, $"'{variable.Name}' cannot be a variable name");
        }

        var slot = _variables.Count;
        _variables.Add((variable.Name, list.Type.ElementType!));
        var predicate = Value(call.Arguments[1]);
        _variables.RemoveAt(slot);
        if (predicate is null)
        {
            return null;
        }

        return predicate.Type.Kind == PolicyTypeKind.Bool
            ? new BoundMacro(call.Name, list, slot, predicate)
            : Fail(PolicyDiagnosticCodes.TypeMismatch, call.Arguments[1].Start, $"the predicate of {call.Name}() must be bool, not {predicate.Type}");
    }
}
