using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>
/// Well-formedness of subject identifiers (RFC 9493 §3, SSF 1.0 §3): a known format has the members it requires;
/// a complex subject has at least one known member, each a simple identifier; an unknown format is accepted
/// (it will match nothing). Also reads the legacy in-event <c>subject</c> of CAEP and RISC drafts.
/// </summary>
internal static class SubjectIdentifierRules
{
    /// <summary>Null when <paramref name="subject"/> is well formed, else why not.</summary>
    public static string? Validate(JsonElement subject) => Validate(subject, allowComplex: true, allowAliases: true);

    public static string? FormatOf(JsonElement subject) =>
        subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
            ? format.GetString()
            : null;

    public static string? MemberString(JsonElement subject, string name) =>
        subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// A legacy subject (<c>subject_type</c> of the CAEP/RISC implementer's drafts, e.g. <c>iss-sub</c>, <c>phone</c>)
    /// rewritten as an RFC 9493 identifier; one that already has <c>format</c> is returned as it is.
    /// </summary>
    public static JsonElement NormaliseLegacy(JsonElement subject)
    {
        if (subject.ValueKind != JsonValueKind.Object || FormatOf(subject) is not null
            || MemberString(subject, "subject_type") is not { } type)
        {
            return subject;
        }

        var node = JsonNode.Parse(subject.GetRawText())!.AsObject();
        node.Remove("subject_type");
        node["format"] = type switch
        {
            "iss-sub" => SubjectFormats.IssuerSubject,
            "phone" => SubjectFormats.PhoneNumber,
            _ => type,
        };
        if (type == "phone" && node["phone"] is { } phone && node["phone_number"] is null)
        {
            node.Remove("phone");
            node["phone_number"] = phone;
        }

        return JsonSerializer.SerializeToElement(node);
    }

    private static string? Validate(JsonElement subject, bool allowComplex, bool allowAliases)
    {
        if (subject.ValueKind != JsonValueKind.Object)
        {
            return "A subject identifier must be a JSON object.";
        }

        var format = FormatOf(subject);
        if (string.IsNullOrEmpty(format))
        {
            return "A subject identifier needs a format.";
        }

        switch (format)
        {
            case SubjectFormats.Complex:
                return allowComplex ? ValidateComplex(subject) : "A complex subject cannot be nested.";
            case SubjectFormats.Aliases:
                return allowAliases ? ValidateAliases(subject) : "An aliases subject cannot be nested in aliases.";
            case SubjectFormats.IpAddresses:
                return subject.TryGetProperty("ip-addresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array
                    && addresses.GetArrayLength() > 0
                    && addresses.EnumerateArray().All(address => address.ValueKind == JsonValueKind.String && IPAddress.TryParse(address.GetString(), out _))
                    ? null
                    : "An ip-addresses subject needs a non-empty array of IP addresses.";
        }

        if (SubjectFormats.RequiredStrings.TryGetValue(format, out var required)
            && required.FirstOrDefault(member => MemberString(subject, member) is not { Length: > 0 }) is { } missing)
        {
            return $"A subject of format {format} needs the member {missing}.";
        }

        return null;
    }

    private static string? ValidateComplex(JsonElement subject)
    {
        var members = SubjectFormats.ComplexMembers.Where(name => subject.TryGetProperty(name, out _)).ToList();
        if (members.Count == 0)
        {
            return "A complex subject needs at least one of user, device, session, application, tenant, org_unit, group.";
        }

        return members.Select(name => Validate(subject.GetProperty(name), allowComplex: false, allowAliases: true) is { } error ? $"{name}: {error}" : null)
            .FirstOrDefault(error => error is not null);
    }

    private static string? ValidateAliases(JsonElement subject)
    {
        if (!subject.TryGetProperty("identifiers", out var identifiers) || identifiers.ValueKind != JsonValueKind.Array || identifiers.GetArrayLength() == 0)
        {
            return "An aliases subject needs a non-empty identifiers array.";
        }

        return identifiers.EnumerateArray().Select(identifier => Validate(identifier, allowComplex: false, allowAliases: false)).FirstOrDefault(error => error is not null);
    }
}
