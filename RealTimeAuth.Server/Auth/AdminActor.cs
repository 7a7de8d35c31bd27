using System.Security.Claims;

namespace RealTimeAuth.Server.Auth;

/// <summary>The actor recorded for an admin's action: <c>admin:</c> and the <c>email</c> claim, else <c>sub</c>.</summary>
internal static class AdminActor
{
    public static string Of(ClaimsPrincipal admin) =>
        $"admin:{admin.FindFirstValue("email") ?? admin.FindFirstValue("sub") ?? "unknown"}";
}
