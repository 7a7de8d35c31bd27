using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace RealTimeAuth.DevIdp.Account;

/// <summary>
/// The login form: e-mail, password, the return URL and the antiforgery token, as plain HTML.
/// Field names are what a headless client posts: <c>username</c>, <c>password</c>, <c>returnUrl</c>.
/// </summary>
internal static class LoginPage
{
    public static string Render(AntiforgeryTokenSet tokens, string returnUrl, string? username, string? error)
    {
        var html = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p class="error" role="alert">{html.Encode(error)}</p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Sign in · RealTimeAuth dev IdP</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; }
                label, input, button { display: block; width: 100%; margin-top: .5rem; }
                .error { color: #b00020; }
                .note { color: #666; font-size: .85rem; }
              </style>
            </head>
            <body>
              <h1>Sign in</h1>
              <p class="note">RealTimeAuth development identity provider. Demo users only; never used in production.</p>
              {{message}}
              <form method="post" action="/account/login">
                <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
                <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
                <label for="username">E-mail</label>
                <input id="username" name="username" type="email" autocomplete="username" required value="{{html.Encode(username ?? "")}}">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
              </form>
            </body>
            </html>
            """;
    }
}
