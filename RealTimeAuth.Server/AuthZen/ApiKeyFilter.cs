using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Limits;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Authenticates the PEP by API key: <c>Authorization: Bearer &lt;key&gt;</c> or the bare key, as the
/// AuthZEN interop runner sends it. Keys are compared as SHA-256 hashes in constant time, against every
/// configured key. Otherwise, when <c>AuthZen:Authority</c> is set, a bearer access token (client credentials)
/// is validated by the <see cref="AuthZenOptions.TokenScheme"/> scheme. A refusal is 401 with
/// <c>WWW-Authenticate</c> (RFC 6750, section 3). The authenticated PEP then spends its own rate limit
/// (<see cref="CallerLimit.AuthZen"/>): <see cref="ApiKeyCaller"/> for a key, the token's client otherwise.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<AuthZenOptions> options, CallerRateLimiter limits) : IEndpointFilter
{
    /// <summary>The rate-limit caller of every configured API key (<c>RateLimits:Clients:api-key</c>).</summary>
    public const string ApiKeyCaller = "api-key";

    private const string BearerPrefix = "Bearer ";

    private readonly bool _tokensEnabled = !string.IsNullOrEmpty(options.Value.Authority);
    private readonly byte[][] _keyHashes = [.. options.Value.ApiKeys.Where(key => key.Length > 0).Select(Hash)];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var pep = IsValid(header) ? ApiKeyCaller : await TokenClientAsync(context.HttpContext, header);
        if (pep is not null)
        {
            return limits.TryAcquire(CallerLimit.AuthZen, pep) is { } limited ? limited : await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = header.Length == 0
            ? "Bearer realm=\"authzen\""
            : "Bearer realm=\"authzen\", error=\"invalid_token\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "An AuthZEN API key is required in the Authorization header.");
    }

    /// <summary>The client of a valid access token (<c>client_id</c>, else <c>azp</c>, else <c>sub</c>), or null.</summary>
    private async Task<string?> TokenClientAsync(HttpContext http, string header)
    {
        if (!_tokensEnabled || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = await http.AuthenticateAsync(AuthZenOptions.TokenScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var principal = result.Principal;
        return principal.FindFirst("client_id")?.Value ?? principal.FindFirst("azp")?.Value ?? principal.FindFirst("sub")?.Value ?? string.Empty;
    }

    private bool IsValid(string header)
    {
        var key = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : header.Trim();
        if (key.Length == 0)
        {
            return false;
        }

        var candidate = Hash(key);
        var valid = false;
        foreach (var known in _keyHashes)
        {
            valid |= CryptographicOperations.FixedTimeEquals(candidate, known);
        }

        return valid;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
