using System.Text.Json;
using System.Text.Json.Serialization;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Policies.Subjects;

namespace RealTimeAuth.Policies.Files;

/// <summary>
/// Strict JSON for admin-edited files: an unknown or misspelt member, a duplicate member, a missing required
/// member or a null where none is allowed is an error, because silently ignoring <c>"conditon"</c> would
/// widen a rule. Comments and trailing commas are allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(PolicySetDocument))]
[JsonSerializable(typeof(SubjectDirectoryDocument))]
[JsonSerializable(typeof(ResourceDirectoryDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
