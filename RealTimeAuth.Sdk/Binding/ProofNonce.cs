using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>Reads a server's <c>DPoP-Nonce</c> and its <c>use_dpop_nonce</c> challenge (RFC 9449 §8, §9).</summary>
internal static partial class ProofNonce
{
    // Far above any nonce a server sends, far below what would push a proof past the length a server reads.
    private const int MaxLength = 512;

    /// <summary>The response's nonce, or null when it has none or one that is not a valid nonce.</summary>
    public static string? Read(HttpResponseHeaders headers) =>
        headers.TryGetValues(RtaBindingNames.NonceHeader, out var values) && values.LastOrDefault() is { } nonce && IsValid(nonce)
            ? nonce
            : null;

    /// <summary>RFC 9449 §8: <c>nonce = 1*NQCHAR</c>, the visible ASCII characters but '"' and '\'.</summary>
    public static bool IsValid(string? nonce) =>
        nonce is { Length: > 0 and <= MaxLength } && nonce.All(c => c is >= '!' and <= '~' and not '"' and not '\\');

    /// <summary>True when an HTTP response asks for a proof with the server's nonce (RFC 9449 §9: 401 with a DPoP challenge).</summary>
    public static bool IsChallenge(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Any(challenge =>
            string.Equals(challenge.Scheme, RtaBindingNames.ChallengeScheme, StringComparison.OrdinalIgnoreCase)
            && challenge.Parameter is { } parameter
            && UseDpopNonce().IsMatch(parameter));

    [GeneratedRegex("""(?:^|,)\s*error\s*=\s*"?use_dpop_nonce"?\s*(?:,|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex UseDpopNonce();
}
