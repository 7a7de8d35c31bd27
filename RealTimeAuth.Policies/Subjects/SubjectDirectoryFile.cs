using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Subjects;

/// <summary>
/// Imports and exports subject directory files (JSON, <c>"schema": "rta.directory/v1"</c>), strictly like
/// policy files. Every entry is validated; a file with any problem imports nothing.
/// </summary>
public static class SubjectDirectoryFile
{
    public static SubjectDirectoryImport Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = JsonFileReader.Read(Encoding.UTF8.GetBytes(json), PolicyJsonContext.Default.SubjectDirectoryDocument);
        return file.Succeeded ? Import(file.Document) : new SubjectDirectoryImport(null, file.Diagnostics);
    }

    public static SubjectDirectoryImport Import(SubjectDirectoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var diagnostics = new List<PolicyDiagnostic>();
        if (document.Schema != SubjectDirectoryDocument.CurrentSchema)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.UnsupportedSchema, "schema",
                $"schema must be '{SubjectDirectoryDocument.CurrentSchema}', not '{document.Schema}'"));
        }

        var subjects = new List<PolicySubject>();
        var seen = new HashSet<(string, string, string?)>();
        var entries = document.Subjects ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { Id: { Length: > 0 } id } entry
                && !seen.Add((entry.Type ?? SubjectDirectory.DefaultType, id, SubjectDirectory.NormaliseIssuer(entry.Issuer))))
            {
                var at = entry.Issuer is null ? string.Empty : $" of {entry.Issuer}";
                diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.DuplicateSubject, $"subjects[{i}].id", $"the {entry.Type ?? SubjectDirectory.DefaultType} '{id}'{at} appears more than once"));
            }

            if (ToSubject(entries[i], $"subjects[{i}]", diagnostics) is { } subject)
            {
                subjects.Add(subject);
            }
        }

        return diagnostics.Count > 0
            ? new SubjectDirectoryImport(null, [.. diagnostics])
            : new SubjectDirectoryImport(SubjectDirectory.Create(subjects), []);
    }

    /// <summary>The directory as an indented JSON file that <see cref="Import(string)"/> reads back.</summary>
    public static string Write(SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var document = new SubjectDirectoryDocument
        {
            Schema = SubjectDirectoryDocument.CurrentSchema,
            Subjects = [.. directory.Subjects.OrderBy(s => s.Type, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Issuer, StringComparer.Ordinal).Select(ToEntry)],
        };
        return JsonSerializer.Serialize(document, PolicyJsonContext.Default.SubjectDirectoryDocument) + "\n";
    }

    private static PolicySubject? ToSubject(SubjectEntryDocument? entry, string field, List<PolicyDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        if (entry is null)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidSubject, field, "an entry cannot be null"));
            return null;
        }

        RequireText(entry.Id, field + ".id", diagnostics);
        if (entry.Type is not null)
        {
            RequireText(entry.Type, field + ".type", diagnostics);
        }

        if (entry.Email is not null)
        {
            RequireText(entry.Email, field + ".email", diagnostics);
        }

        if (entry.Issuer is not null && (!Uri.TryCreate(entry.Issuer, UriKind.Absolute, out _) || entry.Issuer.Length > PolicyLimits.MaxNameLength))
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidSubject, field + ".issuer", $"{field}.issuer must be an absolute URL of at most {PolicyLimits.MaxNameLength} characters"));
        }

        var roles = entry.Roles ?? [];
        for (var i = 0; i < roles.Count; i++)
        {
            RequireText(roles[i], $"{field}.roles[{i}]", diagnostics);
        }

        if (entry.RiskLevel is not null && BuiltInAttributes.RiskLevel.RankOf(entry.RiskLevel) < 0)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidSubject, field + ".riskLevel",
                $"riskLevel must be one of {string.Join(", ", BuiltInAttributes.RiskLevel.EnumValues)}, not '{entry.RiskLevel}'"));
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        return new PolicySubject
        {
            Type = entry.Type ?? SubjectDirectory.DefaultType,
            Id = entry.Id,
            Issuer = SubjectDirectory.NormaliseIssuer(entry.Issuer),
            Email = entry.Email,
            Roles = [.. roles.Distinct(StringComparer.Ordinal)],
            Attributes = entry.Attributes?.ToFrozenDictionary(StringComparer.Ordinal) ?? PropertyBag.Empty,
            RiskLevel = entry.RiskLevel,
            AssuranceLevel = entry.AssuranceLevel,
            DeviceCompliant = entry.DeviceCompliant,
        };
    }

    private static SubjectEntryDocument ToEntry(PolicySubject subject) => new()
    {
        Type = subject.Type == SubjectDirectory.DefaultType ? null : subject.Type,
        Id = subject.Id,
        Issuer = subject.Issuer,
        Email = subject.Email,
        Roles = subject.Roles.IsEmpty ? null : subject.Roles,
        Attributes = subject.Attributes.Count == 0 ? null : subject.Attributes.ToImmutableSortedDictionary(StringComparer.Ordinal),
        RiskLevel = subject.RiskLevel,
        AssuranceLevel = subject.AssuranceLevel,
        DeviceCompliant = subject.DeviceCompliant,
    };

    private static void RequireText(string? text, string field, List<PolicyDiagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(text) || text.Length > PolicyLimits.MaxNameLength)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidSubject, field, $"{field} must be 1 to {PolicyLimits.MaxNameLength} characters"));
        }
    }

    private static PolicyDiagnostic Diagnostic(string code, string field, string message) =>
        new() { Code = code, Field = field, Message = message };
}
