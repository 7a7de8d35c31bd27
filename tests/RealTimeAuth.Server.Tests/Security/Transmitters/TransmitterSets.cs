using System.Text.Json.Nodes;
using RealTimeAuth.Server.Tests.SharedSignals;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>SETs of transmitter A or B about a user of the test IdP, and B's push.</summary>
internal static class TransmitterSets
{
    public const string Caep = "https://schemas.openid.net/secevent/caep/event-type/";
    public const string Risc = "https://schemas.openid.net/secevent/risc/event-type/";

    public static JsonObject User(string subject) => new() { ["format"] = "iss_sub", ["iss"] = ExchangeGateFixture.Issuer, ["sub"] = subject };

    public static JsonObject Email(string email) => new() { ["format"] = "email", ["email"] = email };

    public static JsonObject FromA(string eventType, JsonObject subject, JsonObject? payload = null) => Set(TestStreams.Issuer, eventType, subject, payload);

    public static JsonObject FromB(string eventType, JsonObject subject, JsonObject? payload = null) => Set(TestStreams.OtherIssuer, eventType, subject, payload);

    public static JsonObject ClaimsChange(JsonObject claims) => new() { ["claims"] = claims };

    /// <summary>Pushes a SET of transmitter B, signed with its key and sent with its Authorization.</summary>
    public static Task<PushResponse> PushAsB(this SsfServer server, JsonObject claims) => server.PostAsync(server.OtherKey.Sign(claims), server.OtherAuthorization);

    /// <summary>Pushes a SET of transmitter B, expects 202, and waits until it is applied.</summary>
    public static async Task<RealTimeAuth.Server.Data.ReceivedSetEntity> DeliverAsB(this SsfServer server, JsonObject claims)
    {
        var response = await server.PushAsB(claims);
        Assert.True(response.Status == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.Status} {response.Error}: {response.Description}");
        return await server.WaitForProcessedAsync(claims["jti"]!.GetValue<string>());
    }

    private static JsonObject Set(string issuer, string eventType, JsonObject subject, JsonObject? payload) => new()
    {
        ["iss"] = issuer,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aud"] = TestStreams.Audience,
        ["sub_id"] = subject,
        ["events"] = new JsonObject { [eventType] = payload ?? new JsonObject() },
    };
}
