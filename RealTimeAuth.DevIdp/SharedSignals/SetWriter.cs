using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>Writes and signs one Security Event Token (RFC 8417, SSF 1.0 §4): <c>typ</c> secevent+jwt, one event, <c>sub_id</c>, no <c>sub</c> or <c>exp</c>.</summary>
internal sealed class SetWriter(SsfSigningKey key, TimeProvider timeProvider)
{
    public (string Jti, string Compact) Write(string issuer, JsonNode audience, string eventType, JsonObject subject, JsonObject payload, string? txn = null)
    {
        var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["jti"] = jti,
            ["iat"] = timeProvider.GetUtcNow().ToUnixTimeSeconds(),
            ["aud"] = audience.DeepClone(),
            ["sub_id"] = subject.DeepClone(),
            ["events"] = new JsonObject { [eventType] = payload.DeepClone() },
        };
        if (txn is not null)
        {
            claims["txn"] = txn;
        }

        var header = new JsonObject { ["alg"] = SsfSigningKey.Algorithm, ["typ"] = "secevent+jwt", ["kid"] = key.KeyId };
        var input = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString(JsonOptions));
        var signature = key.Sign(Encoding.ASCII.GetBytes(input));
        return (jti, input + "." + Base64UrlEncoder.Encode(signature));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
