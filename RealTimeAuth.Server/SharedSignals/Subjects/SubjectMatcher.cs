using System.Text.Json;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// Whether an event's subject matches a subject the receiver added (SSF 1.0 §8.1.3.1). Two complex subjects match
/// when they share at least one member and every shared member is equal; a member only one of them has does not
/// matter (the receiver's tenant matches any user of that tenant; the receiver's user-and-device matches an event
/// about the user). A simple subject matches a complex one that has it as a member. Simple subjects match when
/// they are the same identifier: same format and members, email compared without case.
/// </summary>
public static class SubjectMatcher
{
    public static bool Matches(JsonElement added, JsonElement eventSubject)
    {
        var addedComplex = SubjectIdentifierRules.FormatOf(added) == SubjectFormats.Complex;
        var eventComplex = SubjectIdentifierRules.FormatOf(eventSubject) == SubjectFormats.Complex;
        return (addedComplex, eventComplex) switch
        {
            (true, true) => ComplexMatches(added, eventSubject),
            (false, true) => HasMember(eventSubject, added),
            (true, false) => HasMember(added, eventSubject),
            _ => SameIdentifier(added, eventSubject),
        };
    }

    private static bool ComplexMatches(JsonElement added, JsonElement eventSubject)
    {
        var shared = SubjectFormats.ComplexMembers
            .Where(name => added.TryGetProperty(name, out _) && eventSubject.TryGetProperty(name, out _))
            .ToList();
        return shared.Count > 0 && shared.All(name => SameIdentifier(added.GetProperty(name), eventSubject.GetProperty(name)));
    }

    private static bool HasMember(JsonElement complex, JsonElement simple) =>
        SubjectFormats.ComplexMembers.Any(name => complex.TryGetProperty(name, out var member) && SameIdentifier(member, simple));

    public static bool SameIdentifier(JsonElement left, JsonElement right)
    {
        var format = SubjectIdentifierRules.FormatOf(left);
        if (format is null || format != SubjectIdentifierRules.FormatOf(right))
        {
            return false;
        }

        if (format == SubjectFormats.Email)
        {
            return string.Equals(SubjectIdentifierRules.MemberString(left, "email"), SubjectIdentifierRules.MemberString(right, "email"), StringComparison.OrdinalIgnoreCase);
        }

        return JsonElement.DeepEquals(left, right);
    }
}
