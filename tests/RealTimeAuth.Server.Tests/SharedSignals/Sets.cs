using System.Text.Json.Nodes;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>Claim sets for tests that are about the SET itself rather than a particular example.</summary>
internal static class Sets
{
    /// <summary>A fresh, valid RISC account-credential-change-required for the test stream about one user.</summary>
    public static JsonObject CredentialChangeRequired(string issuer, string subject) => new()
    {
        ["iss"] = TestStreams.Issuer,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aud"] = TestStreams.Audience,
        ["sub_id"] = new JsonObject { ["format"] = "iss_sub", ["iss"] = issuer, ["sub"] = subject },
        ["events"] = new JsonObject { ["https://schemas.openid.net/secevent/risc/event-type/account-credential-change-required"] = new JsonObject() },
    };

    /// <summary>A fresh, valid CAEP session-established (recorded only) about an email.</summary>
    public static JsonObject SessionEstablished(string email = "someone@example.com") => new()
    {
        ["iss"] = TestStreams.Issuer,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aud"] = TestStreams.Audience,
        ["sub_id"] = new JsonObject { ["format"] = "email", ["email"] = email },
        ["events"] = new JsonObject { ["https://schemas.openid.net/secevent/caep/event-type/session-established"] = new JsonObject() },
    };

    public static JsonObject With(this JsonObject claims, string name, JsonNode? value)
    {
        var copy = claims.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    public static JsonObject Without(this JsonObject claims, string name)
    {
        var copy = claims.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }
}
