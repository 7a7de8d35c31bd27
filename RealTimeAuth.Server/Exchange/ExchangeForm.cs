using Microsoft.Net.Http.Headers;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Reads the token endpoint's body: <c>application/x-www-form-urlencoded</c> only (RFC 6749 §3.2, RFC 8693 §2.1), so
/// the multipart reader, which throws <see cref="IOException"/> on a truncated body, is never reached.
/// </summary>
internal static class ExchangeForm
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The form, or the <c>invalid_request</c> to answer.</summary>
    public static async Task<(IFormCollection? Form, OAuthErrorResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(UrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.FormRequired, $"The request body must be {UrlEncoded}."));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.FormUnreadable, "The request body could not be read as a form."));
        }
    }
}
