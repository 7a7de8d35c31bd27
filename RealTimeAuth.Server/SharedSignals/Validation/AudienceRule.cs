using System.Text.Json;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>RFC 8417 §2.2 / RFC 7519 §4.1.3: <c>aud</c>, a string or an array of strings, must name this stream's audience.</summary>
internal static class AudienceRule
{
    public static (SsfStreamDescriptor? Stream, SetRejection? Rejection) Check(SecurityEventToken token, IReadOnlyList<SsfStreamDescriptor> streams)
    {
        var audiences = Audiences(token);
        var stream = streams.FirstOrDefault(stream => audiences.Contains(stream.Audience, StringComparer.Ordinal));
        return stream is null
            ? (null, new SetRejection(SetErrorCodes.InvalidAudience, SetRejectionReasons.Audience, "The SET's aud does not name this receiver."))
            : (stream, null);
    }

    public static IReadOnlyList<string> Audiences(SecurityEventToken token)
    {
        if (!token.Claims.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => [.. aud.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)],
            _ => [],
        };
    }
}
