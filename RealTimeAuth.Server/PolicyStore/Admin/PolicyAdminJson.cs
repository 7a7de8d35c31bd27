using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.PolicyStore.Admin;

/// <summary>The policy admin API's JSON (camelCase, nulls omitted) and the actor recorded for an admin.</summary>
internal static class PolicyAdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The admin's <c>email</c> claim, else <c>sub</c>, as the session admin API records it.</summary>
    public static string Actor(ClaimsPrincipal admin) =>
        $"admin:{admin.FindFirstValue("email") ?? admin.FindFirstValue("sub") ?? "unknown"}";
}
