using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>
/// Signs a user in through the authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) without a browser: read the
/// IdP's discovery document, GET the authorization endpoint, post the login form with its antiforgery token, follow the
/// redirects until the one to the client's redirect URI, check its state, and redeem the code.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> must have its own cookie container (one sign-in, one browser), must not follow
/// redirects itself, and its base address must be the IdP.
/// </remarks>
internal sealed class HeadlessCodeFlow(HttpClient http, TimeProvider time)
{
    private const int MaxHops = 8;

    public async Task<IdpTokens> SignInAsync(CodeFlowRequest request, CancellationToken cancellationToken)
    {
        var (authorizationEndpoint, tokenEndpoint) = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var pkce = Pkce.Create();
        var state = Pkce.RandomValue();
        var code = await AuthorizeAsync(authorizationEndpoint, request, pkce.Challenge, state, cancellationToken).ConfigureAwait(false);
        return await RedeemAsync(tokenEndpoint, request, code, pkce.Verifier, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Uri Authorization, Uri Token)> DiscoverAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(".well-known/openid-configuration", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SignInException("discovery_failed", $"The identity provider's discovery document answered {(int)response.StatusCode}.");
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return (EndpointOf(document.RootElement, "authorization_endpoint"), EndpointOf(document.RootElement, "token_endpoint"));
    }

    private async Task<string> AuthorizeAsync(Uri endpoint, CodeFlowRequest request, string challenge, string state, CancellationToken cancellationToken)
    {
        var location = new Uri(QueryHelpers.AddQueryString(endpoint.AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = request.ClientId,
            ["redirect_uri"] = request.RedirectUri.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = request.Scope,
            ["state"] = state,
            ["nonce"] = Pkce.RandomValue(),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }));
        var loginPosted = false;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            using var response = await http.GetAsync(location, cancellationToken).ConfigureAwait(false);
            if (RedirectOf(response, location) is { } next)
            {
                if (AuthorizationCallback.IsRedirectUri(next, request.RedirectUri))
                {
                    return AuthorizationCallback.ReadCode(next, state);
                }

                location = next;
                continue;
            }

            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                // Errors found before the redirect URI is trusted are shown by the IdP itself (RFC 6749 §4.1.2.1).
                throw ErrorPage(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }

            var page = response.StatusCode == HttpStatusCode.OK
                ? LoginForm.Read(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
                : null;
            if (page is not { HasPasswordField: true } || loginPosted)
            {
                throw new SignInException("unexpected_response", $"The identity provider answered {(int)response.StatusCode} at {location.AbsolutePath} during sign-in.");
            }

            location = await PostLoginAsync(page, location, request, cancellationToken).ConfigureAwait(false);
            loginPosted = true;
        }

        throw new SignInException("too_many_redirects", $"No redirect to {request.RedirectUri} after {MaxHops} hops.");
    }

    private async Task<Uri> PostLoginAsync(LoginForm page, Uri pageUri, CodeFlowRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(page.Fields, StringComparer.Ordinal)
        {
            ["username"] = request.Email,
            ["password"] = request.Password,
        };
        var target = page.Action is { Length: > 0 } action ? new Uri(pageUri, action) : new Uri(pageUri.GetLeftPart(UriPartial.Path));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(target, content, cancellationToken).ConfigureAwait(false);
        return RedirectOf(response, target)
            ?? throw new SignInException(
                response.StatusCode == HttpStatusCode.Unauthorized ? "invalid_credentials" : "unexpected_response",
                response.StatusCode == HttpStatusCode.Unauthorized
                    ? $"The identity provider refused the e-mail or password of {request.Email}, or the account is disabled there (the user-disabled scenario disables it for 15 s)."
                    : $"The login form answered {(int)response.StatusCode} for {request.Email}.");
    }

    private async Task<IdpTokens> RedeemAsync(Uri endpoint, CodeFlowRequest request, string code, string verifier, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri.AbsoluteUri,
            ["client_id"] = request.ClientId,
            ["code_verifier"] = verifier,
        };
        if (request.ClientSecret is { Length: > 0 } secret)
        {
            // client_secret_post (RFC 6749 §2.3.1).
            form["client_secret"] = secret;
        }

        var requestedAt = time.GetUtcNow();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        if (!response.IsSuccessStatusCode || !root.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } token)
        {
            var error = StringOf(root, "error") ?? "invalid_response";
            throw new SignInException(error, $"The identity provider's token endpoint refused the code: {error} {StringOf(root, "error_description")}".TrimEnd());
        }

        var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : 300;
        return new IdpTokens(token, requestedAt.AddSeconds(lifetime));
    }

    private static Uri? RedirectOf(HttpResponseMessage response, Uri requestUri) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.MovedPermanently
            && response.Headers.Location is { } location
            ? new Uri(requestUri, location)
            : null;

    private static Uri EndpointOf(JsonElement discovery, string name) =>
        StringOf(discovery, name) is { } value && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new SignInException("discovery_failed", $"The identity provider's discovery document has no {name}.");

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>OpenIddict's plain-text error page: <c>error:…</c> and <c>error_description:…</c> lines.</summary>
    private static SignInException ErrorPage(string body)
    {
        var fields = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
        var error = fields.GetValueOrDefault("error") ?? "invalid_request";
        return new SignInException(error, $"The identity provider refused the authorization request: {error} {fields.GetValueOrDefault("error_description")}".TrimEnd());
    }
}
