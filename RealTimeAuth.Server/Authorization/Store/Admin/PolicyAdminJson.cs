using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The policy admin API's JSON: camelCase, nulls omitted.</summary>
internal static class PolicyAdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
