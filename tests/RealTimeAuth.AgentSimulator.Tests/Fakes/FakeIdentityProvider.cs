using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace RealTimeAuth.AgentSimulator.Tests.Fakes;

/// <summary>
/// An in-memory IdP that behaves like the dev IdP's front channel: discovery, an authorization endpoint that sends
/// anonymous users to a login form with an antiforgery token, a cookie-less "signed in" flag, the redirect with code and
/// state, and a token endpoint that checks the PKCE verifier against the challenge (RFC 7636 §4.6).
/// </summary>
internal sealed class FakeIdentityProvider(string email, string password) : HttpMessageHandler
{
    public const string AccessToken = "access-token-from-fake-idp";
    private const string Antiforgery = "antiforgery-value";
    private const string Code = "the-code";
    private string? _authorizeQuery;
    private string? _challenge;
    private bool _signedIn;

    public static Uri BaseAddress { get; } = new("http://idp.test/");

    /// <summary>Form fields the login post carried, to check the antiforgery token went back.</summary>
    public Dictionary<string, string>? LoginPost { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        return (request.Method.Method, uri.AbsolutePath) switch
        {
            ("GET", "/.well-known/openid-configuration") => Json(HttpStatusCode.OK, new
            {
                issuer = BaseAddress.AbsoluteUri,
                authorization_endpoint = new Uri(BaseAddress, "connect/authorize").AbsoluteUri,
                token_endpoint = new Uri(BaseAddress, "connect/token").AbsoluteUri,
            }),
            ("GET", "/connect/authorize") => Authorize(uri),
            ("GET", "/account/login") => Html(HttpStatusCode.OK, LoginPage()),
            ("POST", "/account/login") => await LoginAsync(request, cancellationToken),
            ("POST", "/connect/token") => await TokenAsync(request, cancellationToken),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private HttpResponseMessage Authorize(Uri uri)
    {
        var query = QueryHelpers.ParseQuery(uri.Query);
        _authorizeQuery = uri.Query;
        _challenge = query["code_challenge"].ToString();
        if (!_signedIn)
        {
            return Redirect("/account/login?ReturnUrl=" + Uri.EscapeDataString("/connect/authorize" + uri.Query));
        }

        return Redirect($"{query["redirect_uri"]}?code={Code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<HttpResponseMessage> LoginAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        LoginPost = form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        if (form["username"] != email || form["password"] != password || form["__RequestVerificationToken"] != Antiforgery)
        {
            return Html(HttpStatusCode.Unauthorized, LoginPage());
        }

        _signedIn = true;
        return Redirect("/connect/authorize" + _authorizeQuery);
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        var verifier = form["code_verifier"].ToString();
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return form["code"] == Code && challenge == _challenge
            ? Json(HttpStatusCode.OK, new { access_token = AccessToken, token_type = "Bearer", expires_in = 900 })
            : Json(HttpStatusCode.BadRequest, new { error = "invalid_grant", error_description = "The code or its verifier is wrong." });
    }

    private static string LoginPage() =>
        $"""
        <form method="post" action="/account/login">
          <input type="hidden" name="__RequestVerificationToken" value="{Antiforgery}">
          <input type="hidden" name="returnUrl" value="/connect/authorize?x=1&amp;y=2">
          <input id="username" name="username" type="email" value="">
          <input id="password" name="password" type="password">
        </form>
        """;

    private static HttpResponseMessage Redirect(string location) =>
        new(HttpStatusCode.Found) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };

    private static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}
