using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Subjects;

/// <summary>
/// What the PDP knows about subjects by type and id (email, roles, attributes), used to enrich a request
/// that names only a subject id, as AuthZEN requests do. Immutable: an import builds a new directory and the
/// holder swaps it in, so readers never see half an import. Lookups allocate nothing.
/// </summary>
public sealed class SubjectDirectory
{
    /// <summary>The type of entries that give none.</summary>
    public const string DefaultType = "user";

    private readonly FrozenDictionary<string, FrozenDictionary<string, PolicySubject>> _byType;

    private SubjectDirectory(IEnumerable<PolicySubject> subjects)
    {
        _byType = subjects
            .GroupBy(subject => subject.Type, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToFrozenDictionary(subject => subject.Id, StringComparer.Ordinal), StringComparer.Ordinal);
        Count = _byType.Values.Sum(entries => entries.Count);
    }

    public static SubjectDirectory Empty { get; } = new([]);

    public int Count { get; }

    public IEnumerable<PolicySubject> Subjects => _byType.Values.SelectMany(entries => entries.Values);

    /// <exception cref="ArgumentException">Two subjects share a type and id.</exception>
    public static SubjectDirectory Create(IEnumerable<PolicySubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var list = subjects.ToList();
        var duplicate = list.GroupBy(subject => (subject.Type, subject.Id)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The subject {duplicate.Key.Type} '{duplicate.Key.Id}' appears more than once.", nameof(subjects));
        }

        return new SubjectDirectory(list);
    }

    public bool TryGet(string type, string id, [NotNullWhen(true)] out PolicySubject? subject)
    {
        subject = null;
        return _byType.TryGetValue(type, out var entries) && entries.TryGetValue(id, out subject);
    }

    /// <summary>The directory's subject, or a bare one with only the type and id (no roles, no email).</summary>
    public PolicySubject Resolve(string type, string id) =>
        TryGet(type, id, out var subject) ? subject : new PolicySubject { Type = type, Id = id };

    /// <summary>A copy with <paramref name="subject"/> added or replacing the entry of the same type and id.</summary>
    public SubjectDirectory With(PolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new SubjectDirectory(Subjects.Where(s => s.Type != subject.Type || s.Id != subject.Id).Append(subject));
    }
}
