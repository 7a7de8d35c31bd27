using System.Collections.Immutable;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// <c>list.exists(x, p)</c> and <c>list.all(x, p)</c>. As in CEL, an item whose predicate cannot be evaluated
/// does not hide a decisive one: exists is true if any item gives true, all is false if any gives false.
/// </summary>
internal static partial class Emitter
{
    private static AttributeReader<bool> Exists<T>(AttributeReader<ImmutableArray<T>> list, int slot, AttributeReader<bool> predicate) =>
        (in DecisionRequest r, out bool v) =>
        {
            v = false;
            if (!list(in r, out var items))
            {
                return false;
            }

            var slots = VariableSlots<T>.Values;
            var failed = false;
            foreach (var item in OrEmpty(items))
            {
                slots[slot] = item;
                if (!predicate(in r, out var value))
                {
                    failed = true;
                }
                else if (value)
                {
                    v = true;
                    return true;
                }
            }

            return !failed;
        };

    private static AttributeReader<bool> All<T>(AttributeReader<ImmutableArray<T>> list, int slot, AttributeReader<bool> predicate) =>
        (in DecisionRequest r, out bool v) =>
        {
            v = false;
            if (!list(in r, out var items))
            {
                return false;
            }

            var slots = VariableSlots<T>.Values;
            var failed = false;
            foreach (var item in OrEmpty(items))
            {
                slots[slot] = item;
                if (!predicate(in r, out var value))
                {
                    failed = true;
                }
                else if (!value)
                {
                    return true;
                }
            }

            v = !failed;
            return !failed;
        };

    private readonly struct MacroEmitter(BoundMacro macro) : ITypeVisitor<AttributeReader<bool>>
    {
        public AttributeReader<bool> Visit<T>()
        {
            var list = Emit<ImmutableArray<T>>(macro.List);
            var predicate = Emit<bool>(macro.Predicate);
            return macro.Function == ConditionFunctions.Exists
                ? Exists(list, macro.Slot, predicate)
                : All(list, macro.Slot, predicate);
        }
    }
}
