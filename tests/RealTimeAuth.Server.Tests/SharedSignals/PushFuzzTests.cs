using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// Random and mutated input at the push endpoint, authenticated so it reaches the SET rules: the answer is always
/// 202 or a 400 with an RFC 8935 code, never a server error; and whatever is accepted is applied without failing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PushFuzzTests(SsfServerFixture fixture) : IClassFixture<SsfServerFixture>
{
    private const int Seed = 8935;
    private static readonly string[] Codes = ["invalid_request", "invalid_key", "invalid_issuer", "invalid_audience", "authentication_failed", "access_denied"];

    private SsfServer Server => fixture.Server;

    [Fact]
    public async Task Push_RandomBytes_NeverServerError()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 150; round++)
        {
            var body = new byte[random.Next(0, round % 10 == 0 ? 4000 : 300)];
            random.NextBytes(body);
            if (round % 3 == 0)
            {
                // Mostly base64url characters and dots, so the parser goes further in.
                const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
                body = [.. body.Select(value => (byte)Alphabet[value % Alphabet.Length])];
            }

            AssertClean(await Server.PostBytesAsync(body), $"random round {round}");
        }
    }

    [Fact]
    public async Task Push_MutatedTokens_NeverServerError()
    {
        var random = new Random(Seed + 1);
        var token = Server.Key.Sign(Sets.SessionEstablished());
        for (var round = 0; round < 150; round++)
        {
            var mutated = Mutate(token, random);
            AssertClean(await Server.PostAsync(mutated), $"mutation round {round}: {mutated}");
        }
    }

    [Fact]
    public async Task Push_SignedButMutatedClaims_NeverServerErrorAndAppliedCleanly()
    {
        var random = new Random(Seed + 2);
        var accepted = new List<string>();
        for (var round = 0; round < 200; round++)
        {
            var claims = MutateClaims(random, round);
            var response = await Server.PushAsync(claims);
            AssertClean(response, $"claims round {round}: {claims.ToJsonString()}");
            if (response.Status == HttpStatusCode.Accepted && claims["jti"] is JsonValue jti && jti.TryGetValue<string>(out var id))
            {
                accepted.Add(id);
            }
        }

        foreach (var jti in accepted.Distinct())
        {
            var set = await Server.WaitForProcessedAsync(jti);
            Assert.True(set.Status == ReceivedSetStatus.Applied, $"SET {jti} ({set.EventType}) failed to apply: {set.LastError}");
        }

        Assert.NotEmpty(accepted);
        Assert.Equal(0, await Server.QueryAsync(db => db.ReceivedSets.CountAsync(set => set.Status == ReceivedSetStatus.Failed)));
    }

    [Theory]
    [InlineData("\"txn\":\"\\ud800\"")]
    [InlineData("\"\\udfff\":1")]
    [InlineData("\"txn\":\"\\u0000\"")]
    [InlineData("\"iat\":1e400")]
    [InlineData("\"iat\":-1")]
    [InlineData("\"iat\":1e15")]
    [InlineData("\"iat\":\"now\"")]
    [InlineData("\"aud\":[1,{},null]")]
    [InlineData("\"events\":{\"\":{}}")]
    [InlineData("\"sub_id\":{\"format\":\"aliases\",\"identifiers\":[{\"format\":\"aliases\",\"identifiers\":[]}]}")]
    [InlineData("\"deep\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public async Task Push_SignedClaimsWithHostileJson_NeverServerError(string member)
    {
        var name = member[1..member.IndexOf('"', 1)];
        var json = Sets.SessionEstablished().Without(name).ToJsonString();

        var response = await Server.PostAsync(Server.Key.SignRaw(json[..^1] + "," + member + "}"));

        AssertClean(response, member);
    }

    private static void AssertClean(PushResponse response, string what)
    {
        Assert.True(response.Status is HttpStatusCode.Accepted or HttpStatusCode.BadRequest, $"{(int)response.Status} for {what}");
        if (response.Status == HttpStatusCode.BadRequest)
        {
            Assert.Contains(response.Error, Codes);
        }
    }

    private static string Mutate(string token, Random random)
    {
        var chars = token.ToCharArray().ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(5))
            {
                case 0: chars[at] = (char)random.Next(33, 127); break;
                case 1: chars.RemoveAt(at); break;
                case 2: chars.Insert(at, '.'); break;
                case 3: chars.RemoveRange(at, chars.Count - at); chars.Add('x'); break;
                default: chars.Insert(at, "=+/ \\"[random.Next(5)]); break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>A valid SET with one part changed: a claim removed, replaced by a random value, or the event or subject scrambled.</summary>
    private static JsonObject MutateClaims(Random random, int round)
    {
        var types = new[]
        {
            "https://schemas.openid.net/secevent/caep/event-type/session-revoked",
            "https://schemas.openid.net/secevent/caep/event-type/token-claims-change",
            "https://schemas.openid.net/secevent/caep/event-type/risk-level-change",
            "https://schemas.openid.net/secevent/caep/event-type/assurance-level-change",
            "https://schemas.openid.net/secevent/caep/event-type/device-compliance-change",
            "https://schemas.openid.net/secevent/caep/event-type/credential-change",
            "https://schemas.openid.net/secevent/risc/event-type/account-disabled",
            "https://schemas.openid.net/secevent/risc/event-type/account-enabled",
            "https://schemas.openid.net/secevent/risc/event-type/identifier-changed",
            "https://schemas.openid.net/secevent/risc/event-type/identifier-recycled",
            "https://schemas.openid.net/secevent/ssf/event-type/verification",
            "https://schemas.openid.net/secevent/ssf/event-type/stream-updated",
            "urn:example:unknown-event",
        };
        var claims = Sets.SessionEstablished($"fuzz-{round}@example.com");
        claims["jti"] = $"fuzz-{round}-{Guid.NewGuid():N}";
        claims["events"] = new JsonObject { [types[random.Next(types.Length)]] = RandomObject(random, 2) };
        var names = new[] { "iss", "jti", "iat", "aud", "sub_id", "events", "sub", "exp", "txn", "toe" };
        var name = names[random.Next(names.Length)];
        switch (random.Next(4))
        {
            case 0: claims.Remove(name); break;
            case 1: claims[name] = RandomValue(random, 2); break;
            case 2: claims["sub_id"] = RandomSubject(random); break;
            default: break;
        }

        return claims;
    }

    private static JsonObject RandomSubject(Random random)
    {
        string[] formats = ["email", "iss_sub", "opaque", "phone_number", "complex", "aliases", "jwt_id", "ip-addresses", "account", "did", "uri", "weird"];
        var subject = new JsonObject { ["format"] = formats[random.Next(formats.Length)] };
        foreach (var member in new[] { "email", "iss", "sub", "id", "phone_number", "user", "session", "device", "identifiers", "ip-addresses", "uri", "url" })
        {
            if (random.Next(3) == 0)
            {
                subject[member] = member is "user" or "session" or "device" ? RandomSubjectLeaf(random) : RandomValue(random, 1);
            }
        }

        return subject;
    }

    private static JsonNode RandomSubjectLeaf(Random random) => random.Next(3) switch
    {
        0 => new JsonObject { ["format"] = "email", ["email"] = RandomString(random) },
        1 => new JsonObject { ["format"] = "iss_sub", ["iss"] = "https://idp.example.com/", ["sub"] = RandomString(random) },
        _ => new JsonObject { ["format"] = "opaque", ["id"] = RandomString(random) },
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var result = new JsonObject();
        string[] members = ["claims", "current_level", "current_status", "namespace", "change_type", "credential_type", "new-value", "state", "status", "reason", "reason_admin", "subject", "principal"];
        for (var count = random.Next(0, 6); count > 0; count--)
        {
            result[members[random.Next(members.Length)]] = RandomValue(random, depth);
        }

        return result;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(int.MinValue, int.MaxValue),
        3 => random.NextDouble() * 1e20,
        4 or 5 => RandomString(random),
        6 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth - 1))]),
        7 => RandomObject(random, depth - 1),
        _ => new JsonObject { ["role"] = RandomString(random), ["trusted"] = random.Next(2) == 0 },
    };

    private static string RandomString(Random random)
    {
        string[] specials = ["LOW", "high", "compliant", "not-compliant", "NIST-AAL", "nist-aal2", "update", "create", "enabled", "paused", "\0", "\ud800", "\u202e", "", "🔐", "a@b.c"];
        if (random.Next(2) == 0)
        {
            return specials[random.Next(specials.Length)];
        }

        var builder = new StringBuilder();
        for (var length = random.Next(0, 20); length > 0; length--)
        {
            builder.Append((char)random.Next(0x20, 0x2FF));
        }

        return builder.ToString();
    }
}
