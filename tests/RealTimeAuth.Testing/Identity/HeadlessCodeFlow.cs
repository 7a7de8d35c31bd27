using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace RealTimeAuth.Testing.Identity;

/// <summary>
/// Signs a user in through the authorization code flow with PKCE without a browser: GET the
/// authorization endpoint, follow to the login page, post e-mail, password and antiforgery token,
/// follow back to the authorization endpoint, read the code from the redirect, redeem it.
/// The <see cref="HttpClient"/> must keep cookies and must not follow redirects, and its base
/// address must be the IdP. The agent simulator does the same against a running IdP.
/// </summary>
public sealed class HeadlessCodeFlow(HttpClient client)
{
    private const int MaxRedirects = 5;

    /// <summary>Runs the whole flow and returns the token endpoint's answer.</summary>
    public async Task<TokenResponse> SignInAsync(CodeFlowRequest request, CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        var callback = await AuthorizeAsync(request, pkce.Challenge, cancellationToken);
        if (callback.Code is null)
        {
            throw new InvalidOperationException($"The authorization endpoint returned no code but error '{callback.Error}'.");
        }

        return await RedeemCodeAsync(request, callback.Code, pkce.Verifier, cancellationToken);
    }

    /// <summary>
    /// Drives the front channel up to the client's redirect URI and returns what arrived there.
    /// A <see langword="null"/> <paramref name="codeChallenge"/> sends no PKCE parameters.
    /// </summary>
    public async Task<AuthorizationCallback> AuthorizeAsync(CodeFlowRequest request, string? codeChallenge, CancellationToken cancellationToken)
    {
        var state = Guid.NewGuid().ToString("N");
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = request.ClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = request.Scope,
            ["state"] = state,
            ["nonce"] = Guid.NewGuid().ToString("N"),
        };
        if (codeChallenge is not null)
        {
            parameters["code_challenge"] = codeChallenge;
            parameters["code_challenge_method"] = "S256";
        }

        var location = new Uri(QueryHelpers.AddQueryString("/connect/authorize", parameters), UriKind.Relative);
        var loggedIn = false;
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            using var response = await client.GetAsync(location, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                // Errors found before the redirect URI is trusted are shown by the IdP itself.
                return AuthorizationCallback.FromErrorPage(await response.Content.ReadAsStringAsync(cancellationToken));
            }

            if (response.StatusCode == HttpStatusCode.OK && !loggedIn)
            {
                // The login page: post the credentials with the antiforgery token it carries.
                location = await SubmitLoginAsync(response, request, cancellationToken);
                loggedIn = true;
                continue;
            }

            var next = RedirectTarget(response);
            if (next.IsAbsoluteUri && next.GetLeftPart(UriPartial.Path) == request.RedirectUri)
            {
                return AuthorizationCallback.Parse(next, state);
            }

            location = next;
        }

        throw new InvalidOperationException($"No redirect to {request.RedirectUri} after {MaxRedirects} hops.");
    }

    /// <summary>Exchanges an authorization code at the token endpoint.</summary>
    public async Task<TokenResponse> RedeemCodeAsync(CodeFlowRequest request, string code, string? codeVerifier, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri,
            ["client_id"] = request.ClientId,
        };
        if (codeVerifier is not null)
        {
            form["code_verifier"] = codeVerifier;
        }

        if (request.ClientSecret is not null)
        {
            form["client_secret"] = request.ClientSecret;
        }

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
        return await TokenResponse.ReadAsync(response, cancellationToken);
    }

    private async Task<Uri> SubmitLoginAsync(HttpResponseMessage loginPage, CodeFlowRequest request, CancellationToken cancellationToken)
    {
        var fields = HtmlForm.ReadInputs(await loginPage.Content.ReadAsStringAsync(cancellationToken));
        fields["username"] = request.Username;
        fields["password"] = request.Password;

        using var response = await client.PostAsync(
            loginPage.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login for {request.Username} failed with {(int)response.StatusCode}.");
        }

        return RedirectTarget(response);
    }

    private static Uri RedirectTarget(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            && response.Headers.Location is { } location
            ? location
            : throw new InvalidOperationException($"Expected a redirect from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");
}
