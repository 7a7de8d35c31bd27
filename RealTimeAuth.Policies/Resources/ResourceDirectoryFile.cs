using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using RealTimeAuth.Policies.Files;

namespace RealTimeAuth.Policies.Resources;

/// <summary>
/// Imports and exports resource directory files (JSON, <c>"schema": "rta.resources/v1"</c>), strictly like
/// subject directory files. Every entry is validated; a file with any problem imports nothing.
/// </summary>
public static class ResourceDirectoryFile
{
    public static ResourceDirectoryImport Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = JsonFileReader.Read(Encoding.UTF8.GetBytes(json), PolicyJsonContext.Default.ResourceDirectoryDocument);
        return file.Succeeded ? Import(file.Document) : new ResourceDirectoryImport(null, file.Diagnostics);
    }

    public static ResourceDirectoryImport Import(ResourceDirectoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var diagnostics = new List<PolicyDiagnostic>();
        if (document.Schema != ResourceDirectoryDocument.CurrentSchema)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.UnsupportedSchema, "schema",
                $"schema must be '{ResourceDirectoryDocument.CurrentSchema}', not '{document.Schema}'"));
        }

        var resources = new List<ResourceEntry>();
        var seen = new HashSet<(string, string)>();
        var entries = document.Resources ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (ToResource(entries[i], $"resources[{i}]", diagnostics) is not { } resource)
            {
                continue;
            }

            if (!seen.Add((resource.Type, resource.Id)))
            {
                diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.DuplicateResource, $"resources[{i}].id",
                    $"the {resource.Type} '{resource.Id}' appears more than once"));
                continue;
            }

            resources.Add(resource);
        }

        return diagnostics.Count > 0
            ? new ResourceDirectoryImport(null, [.. diagnostics])
            : new ResourceDirectoryImport(ResourceDirectory.Create(resources), []);
    }

    /// <summary>The directory as an indented JSON file that <see cref="Import(string)"/> reads back.</summary>
    public static string Write(ResourceDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var document = new ResourceDirectoryDocument
        {
            Schema = ResourceDirectoryDocument.CurrentSchema,
            Resources = [.. directory.Resources.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ToEntry)],
        };
        return JsonSerializer.Serialize(document, PolicyJsonContext.Default.ResourceDirectoryDocument) + "\n";
    }

    private static ResourceEntry? ToResource(ResourceEntryDocument? entry, string field, List<PolicyDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        if (entry is null)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidResource, field, "an entry cannot be null"));
            return null;
        }

        RequireText(entry.Type, field + ".type", PolicyLimits.MaxNameLength, diagnostics);
        RequireText(entry.Id, field + ".id", PolicyLimits.MaxResourceIdLength, diagnostics);
        foreach (var (key, value) in entry.Properties ?? PropertyBag.Empty)
        {
            RequireText(key, $"{field}.properties", PolicyLimits.MaxNameLength, diagnostics);
            if (value is null || value.Length > PolicyLimits.MaxPropertyValueLength)
            {
                diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidResource, $"{field}.properties.{key}",
                    $"a property value must be a string of at most {PolicyLimits.MaxPropertyValueLength} characters"));
            }
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        return new ResourceEntry
        {
            Type = entry.Type,
            Id = entry.Id,
            Properties = entry.Properties?.ToFrozenDictionary(StringComparer.Ordinal) ?? PropertyBag.Empty,
        };
    }

    private static ResourceEntryDocument ToEntry(ResourceEntry resource) => new()
    {
        Type = resource.Type,
        Id = resource.Id,
        Properties = resource.Properties.Count == 0 ? null : resource.Properties.ToImmutableSortedDictionary(StringComparer.Ordinal),
    };

    private static void RequireText(string? text, string field, int maxLength, List<PolicyDiagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            diagnostics.Add(Diagnostic(PolicyDiagnosticCodes.InvalidResource, field, $"{field} must be 1 to {maxLength} characters"));
        }
    }

    private static PolicyDiagnostic Diagnostic(string code, string field, string message) =>
        new() { Code = code, Field = field, Message = message };
}
