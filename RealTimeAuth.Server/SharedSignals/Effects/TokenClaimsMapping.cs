using System.Text.Json;
using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// How a CAEP token-claims-change (CAEP 1.0 §3.2) changes the user's context. <c>role</c>/<c>roles</c>,
/// <c>email</c> and <c>name</c> replace the attributes the exchange took from the IdP token; any other claim becomes
/// <c>user.claim.&lt;name&gt;</c> (string, boolean, integer, number or list of strings; <c>null</c> removes it).
/// <c>iss</c> and <c>sub</c> never change who the user is, and objects are not mapped.
/// </summary>
internal static class TokenClaimsMapping
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "iss", "sub" };

    public static (Func<SecurityContext, SecurityContext> Change, Dictionary<string, object?> Applied) From(JsonElement claims)
    {
        var changes = new List<(string Name, SecurityAttributeValue? Value)>();
        var applied = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            if (Ignored.Contains(claim.Name) || AttributeFor(claim.Name) is not { } name || !TryValue(claim.Name, claim.Value, out var value))
            {
                applied[claim.Name] = "ignored";
                continue;
            }

            changes.Add((name, value));
            applied[name] = value?.ToString();
        }

        return (context => changes.Aggregate(context, (current, change) =>
            change.Value is { } value ? current.With(change.Name, value) : current.Without(change.Name)), applied);
    }

    /// <summary>
    /// The attributes a claims object names, whatever its values: what the claims-scope rule checks before anything is
    /// stored. <c>iss</c> and <c>sub</c> change nothing and name nothing.
    /// </summary>
    public static IEnumerable<string> AttributesNamed(JsonElement claims) =>
        claims.EnumerateObject()
            .Where(claim => !Ignored.Contains(claim.Name))
            .Select(claim => AttributeFor(claim.Name))
            .OfType<string>();

    private static string? AttributeFor(string claim) => claim switch
    {
        "role" or "roles" => SubjectAttributes.Roles,
        "email" => SubjectAttributes.Email,
        "name" => SubjectAttributes.Name,
        "" => null,
        _ => SubjectAttributes.ClaimPrefix + claim,
    };

    private static bool TryValue(string claim, JsonElement element, out SecurityAttributeValue? value)
    {
        value = null;
        if (claim is "role" or "roles")
        {
            List<string>? roles = element.ValueKind switch
            {
                JsonValueKind.String => [element.GetString()!],
                JsonValueKind.Array when element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                    [.. element.EnumerateArray().Select(item => item.GetString()!)],
                _ => null,
            };
            if (roles is null)
            {
                return false;
            }

            value = SecurityAttributeValue.FromStringSet(roles);
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = SecurityAttributeValue.FromString(element.GetString()!);
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = SecurityAttributeValue.FromBoolean(element.GetBoolean());
                return true;
            case JsonValueKind.Number:
                value = element.TryGetInt64(out var integer) ? SecurityAttributeValue.FromInt64(integer) : SecurityAttributeValue.FromDouble(element.GetDouble());
                return true;
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Array when element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                value = SecurityAttributeValue.FromStringList(element.EnumerateArray().Select(item => item.GetString()!));
                return true;
            default:
                return false;
        }
    }
}
