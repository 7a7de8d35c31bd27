using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RealTimeAuth.Sdk.Exchange;

/// <summary>HTTP Basic client authentication at the token endpoint.</summary>
internal static class ClientSecretBasic
{
    // RFC 6749 §2.3.1: id and secret are form-urlencoded (Appendix B) before they are joined and base64-encoded.
    public static AuthenticationHeaderValue Create(string clientId, string clientSecret)
    {
        var credentials = string.Concat(WebUtility.UrlEncode(clientId), ":", WebUtility.UrlEncode(clientSecret));
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }
}
