using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// Splits a compact JWS (RFC 7515 §7.1) and decodes its header and claims, strictly: three base64url parts without
/// padding or whitespace, each JSON part an object without repeated member names. Never throws on any input.
/// </summary>
internal static class SetParser
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32 };

    public static (SecurityEventToken? Token, SetRejection? Rejection) Parse(string compact)
    {
        var parts = compact.Split('.');
        if (parts.Length == 5)
        {
            return Fail(SetRejectionReasons.Encrypted, "Encrypted SETs (JWE) are not accepted; sign the SET (SSF 1.0 §4.1).");
        }

        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return Fail(SetRejectionReasons.Malformed, "The body is not a compact JWS (three base64url parts).");
        }

        if (!parts.All(IsBase64Url))
        {
            return Fail(SetRejectionReasons.Malformed, "A part of the JWS is not base64url without padding.");
        }

        try
        {
            var header = ReadObject(Base64Url.DecodeFromChars(parts[0]), "JOSE header", out var headerRejection);
            if (header is null)
            {
                return (null, headerRejection);
            }

            var claimBytes = Base64Url.DecodeFromChars(parts[1]);
            var claims = ReadObject(claimBytes, "claims", out var claimsRejection);
            if (claims is null)
            {
                return (null, claimsRejection);
            }

            return (new SecurityEventToken
            {
                Raw = compact,
                Header = header.Value,
                Claims = claims.Value,
                ClaimsJson = Encoding.UTF8.GetString(claimBytes),
                SigningInput = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1])),
                Signature = Base64Url.DecodeFromChars(parts[2]),
            }, null);
        }
        catch (FormatException)
        {
            return Fail(SetRejectionReasons.Malformed, "A part of the JWS is not valid base64url.");
        }
    }

    private static JsonElement? ReadObject(byte[] utf8, string what, out SetRejection? rejection)
    {
        rejection = null;
        try
        {
            using var document = JsonDocument.Parse(utf8, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                rejection = SetRejection.InvalidRequest(SetRejectionReasons.Malformed, $"The {what} is not a JSON object.");
                return null;
            }

            // Checked before any member is read: reading a name or string that is not valid UTF-16 throws.
            if (!StorableTextRule.IsStorableDocument(document.RootElement))
            {
                rejection = SetRejection.InvalidRequest(SetRejectionReasons.UnstorableText, $"The {what} contains a NUL character or an unpaired surrogate.");
                return null;
            }

            // RFC 7515 §4 and RFC 7519 §4: a repeated member name must be rejected, not resolved.
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.EnumerateObject().Any(member => !names.Add(member.Name)))
            {
                rejection = SetRejection.InvalidRequest(SetRejectionReasons.DuplicateMember, $"The {what} repeats a member name.");
                return null;
            }

            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            rejection = SetRejection.InvalidRequest(SetRejectionReasons.Malformed, $"The {what} is not valid JSON.");
            return null;
        }
    }

    private static bool IsBase64Url(string part) =>
        part.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    private static (SecurityEventToken?, SetRejection?) Fail(string reason, string description) =>
        (null, SetRejection.InvalidRequest(reason, description));
}
