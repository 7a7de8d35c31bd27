using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The receiver calling the management API: the client id of its client-credentials token.</summary>
internal static class SsfCaller
{
    public static string ClientId(ClaimsPrincipal principal) =>
        principal.FindFirst(Claims.ClientId)?.Value ?? principal.FindFirst(Claims.Subject)?.Value
        ?? throw new InvalidOperationException("An authorized management call has no client id.");
}
