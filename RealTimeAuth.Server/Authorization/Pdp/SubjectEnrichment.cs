using System.Collections.Frozen;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Subjects;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Completes a subject from the directory, found by type and id or else, when <c>matchByEmail</c>, by email: what the
/// caller's context says wins, roles are the union, attributes are the directory's overlaid by the context's.
/// </summary>
public static class SubjectEnrichment
{
    /// <summary>A subject a trusted caller (an AuthZEN PEP) names: its email, when given, may find the entry.</summary>
    public static PolicySubject Enrich(PolicySubject subject, SubjectDirectory directory) => Enrich(subject, directory, matchByEmail: true, issuer: null);

    /// <summary>
    /// <paramref name="issuer"/> is the session user's IdP when known: only entries of that issuer, or naming none, may
    /// complete the subject (ADR 0016), by id or by e-mail.
    /// </summary>
    public static PolicySubject Enrich(PolicySubject subject, SubjectDirectory directory, bool matchByEmail, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(directory);
        if (!directory.TryGet(subject.Type, subject.Id, issuer, out var entry))
        {
            entry = subject.Email is null || !matchByEmail
                ? null
                : directory.Subjects.FirstOrDefault(s => s.Type == subject.Type
                    && string.Equals(s.Email, subject.Email, StringComparison.OrdinalIgnoreCase)
                    && SubjectDirectory.HoldsAt(s, issuer));
        }

        if (entry is null)
        {
            return subject;
        }

        var attributes = new Dictionary<string, string>(entry.Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in subject.Attributes)
        {
            attributes[key] = value;
        }

        return new PolicySubject
        {
            Type = subject.Type,
            Id = subject.Id,
            Email = subject.Email ?? entry.Email,
            Roles = [.. subject.Roles.Union(entry.Roles, StringComparer.Ordinal)],
            Attributes = attributes.ToFrozenDictionary(StringComparer.Ordinal),
            RiskLevel = subject.RiskLevel ?? entry.RiskLevel,
            AssuranceLevel = subject.AssuranceLevel ?? entry.AssuranceLevel,
            DeviceCompliant = subject.DeviceCompliant ?? entry.DeviceCompliant,
        };
    }
}
