using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Policies.Subjects;

/// <summary>
/// What the PDP knows about subjects by type and id (email, roles, attributes), used to enrich a request
/// that names only a subject id, as AuthZEN requests do. An entry may name the issuer its id belongs to, since two IdPs
/// can give two people the same <c>sub</c>; an entry without one holds at every issuer. Immutable: an import builds a
/// new directory and the holder swaps it in, so readers never see half an import. Lookups allocate nothing.
/// </summary>
public sealed class SubjectDirectory
{
    /// <summary>The type of entries that give none.</summary>
    public const string DefaultType = "user";

    private readonly FrozenDictionary<string, FrozenDictionary<string, ImmutableArray<PolicySubject>>> _byType;

    private SubjectDirectory(IEnumerable<PolicySubject> subjects)
    {
        _byType = subjects
            .GroupBy(subject => subject.Type, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.GroupBy(subject => subject.Id, StringComparer.Ordinal)
                    .ToFrozenDictionary(entries => entries.Key, entries => entries.ToImmutableArray(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        Count = _byType.Values.Sum(ids => ids.Values.Sum(entries => entries.Length));
    }

    public static SubjectDirectory Empty { get; } = new([]);

    public int Count { get; }

    public IEnumerable<PolicySubject> Subjects => _byType.Values.SelectMany(ids => ids.Values.SelectMany(entries => entries));

    /// <summary>An issuer as entries and sessions compare it: without a trailing slash, which spellings differ by.</summary>
    [return: NotNullIfNotNull(nameof(issuer))]
    public static string? NormaliseIssuer(string? issuer) => issuer?.TrimEnd('/');

    /// <exception cref="ArgumentException">Two subjects share a type, id and issuer.</exception>
    public static SubjectDirectory Create(IEnumerable<PolicySubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var list = subjects.ToList();
        var duplicate = list.GroupBy(subject => (subject.Type, subject.Id, NormaliseIssuer(subject.Issuer))).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The subject {duplicate.Key.Type} '{duplicate.Key.Id}' appears more than once.", nameof(subjects));
        }

        return new SubjectDirectory(list);
    }

    /// <summary>
    /// The entry for a subject named without an issuer (an AuthZEN PEP names only the id): the entry that names no
    /// issuer, else the only entry for the id; none when several issuers' entries share it and none is issuer-free.
    /// </summary>
    public bool TryGet(string type, string id, [NotNullWhen(true)] out PolicySubject? subject) => TryGet(type, id, null, out subject);

    /// <summary>
    /// The entry for <paramref name="id"/> at <paramref name="issuer"/>: the one naming that issuer, else the one naming
    /// none. Never another issuer's entry. With <paramref name="issuer"/> null, as <see cref="TryGet(string, string, out PolicySubject?)"/>.
    /// </summary>
    public bool TryGet(string type, string id, string? issuer, [NotNullWhen(true)] out PolicySubject? subject)
    {
        subject = null;
        if (!_byType.TryGetValue(type, out var ids) || !ids.TryGetValue(id, out var entries))
        {
            return false;
        }

        subject = Pick(entries, NormaliseIssuer(issuer));
        return subject is not null;
    }

    /// <summary>Whether <paramref name="entry"/> may describe a subject of <paramref name="issuer"/> (null: issuer unknown).</summary>
    public static bool HoldsAt(PolicySubject entry, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Issuer is null || issuer is null || string.Equals(entry.Issuer, NormaliseIssuer(issuer), StringComparison.Ordinal);
    }

    /// <summary>The directory's subject, or a bare one with only the type and id (no roles, no email).</summary>
    public PolicySubject Resolve(string type, string id) =>
        TryGet(type, id, out var subject) ? subject : new PolicySubject { Type = type, Id = id };

    /// <summary>A copy with <paramref name="subject"/> added or replacing the entry of the same type, id and issuer.</summary>
    public SubjectDirectory With(PolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var issuer = NormaliseIssuer(subject.Issuer);
        return new SubjectDirectory(Subjects
            .Where(s => s.Type != subject.Type || s.Id != subject.Id || NormaliseIssuer(s.Issuer) != issuer)
            .Append(subject));
    }

    private static PolicySubject? Pick(ImmutableArray<PolicySubject> entries, string? issuer)
    {
        PolicySubject? anyIssuer = null;
        foreach (var entry in entries)
        {
            if (entry.Issuer is null)
            {
                anyIssuer = entry;
            }
            else if (issuer is not null && string.Equals(entry.Issuer, issuer, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return anyIssuer ?? (issuer is null && entries.Length == 1 ? entries[0] : null);
    }
}
