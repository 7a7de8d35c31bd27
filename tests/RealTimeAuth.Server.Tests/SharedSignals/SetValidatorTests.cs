using System.Text.Json.Nodes;
using RealTimeAuth.Server.SharedSignals.Validation;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>Each rule of SET validation on its own, without I/O.</summary>
public sealed class SetValidatorTests : IDisposable
{
    private readonly ValidatorHarness _harness = new();

    [Fact]
    public async Task Validate_WellFormedSet_AcceptedWithItsEventAndSubject()
    {
        var result = await _harness.ValidateAsync(_harness.Claims());

        Assert.True(result.IsValid, result.Rejection?.Description);
        Assert.Equal("https://schemas.openid.net/secevent/caep/event-type/session-established", result.Set!.EventType);
        Assert.Equal("email", result.Set.SubjectFormat);
        Assert.Equal(_harness.Stream.Id, result.Set.Stream.Id);
    }

    [Theory]
    [InlineData("application/secevent+jwt")]
    [InlineData("SECEVENT+JWT")]
    public async Task Validate_TypWithPrefixOrOtherCase_Accepted(string typ)
    {
        var result = await _harness.ValidateAsync(_harness.Key.Sign(_harness.Claims(), typ: typ));

        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Theory]
    [InlineData("JWT", SetRejectionReasons.Typ)]
    [InlineData(null, SetRejectionReasons.Typ)]
    public async Task Validate_NotExplicitlyTyped_InvalidRequest(string? typ, string reason)
    {
        var result = await _harness.ValidateAsync(_harness.Key.Sign(_harness.Claims(), typ: typ));

        AssertRejected(result, "invalid_request", reason);
    }

    [Fact]
    public async Task Validate_AlgNone_InvalidRequest()
    {
        AssertRejected(await _harness.ValidateAsync(TestSigningKey.Unsigned(_harness.Claims())), "invalid_request", SetRejectionReasons.AlgNone);
    }

    [Fact]
    public async Task Validate_Hs256KeyedWithThePublicKey_InvalidKey()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Key.ForgeHs256(_harness.Claims())), "invalid_key", SetRejectionReasons.AlgNotAllowed);
    }

    [Fact]
    public async Task Validate_Rs256HeaderOnAnEcKey_InvalidKey()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _harness.Key.KeyId, ["typ"] = "secevent+jwt" };
        var token = TestSigningKey.SignWith(header, _harness.Claims(), _ => new byte[256]);

        AssertRejected(await _harness.ValidateAsync(token), "invalid_key", SetRejectionReasons.UnknownKey);
    }

    [Fact]
    public async Task Validate_CriticalHeader_InvalidRequest()
    {
        var token = _harness.Key.Sign(_harness.Claims(), extraHeader: new JsonObject { ["crit"] = new JsonArray("b64"), ["b64"] = false });

        AssertRejected(await _harness.ValidateAsync(token), "invalid_request", SetRejectionReasons.Crit);
    }

    [Theory]
    [InlineData("a.b.c.d.e", SetRejectionReasons.Encrypted)]
    [InlineData("only-one-part", SetRejectionReasons.Malformed)]
    [InlineData("e30.e30", SetRejectionReasons.Malformed)]
    [InlineData("e30=.e30.AA", SetRejectionReasons.Malformed)]
    [InlineData("W10.e30.AA", SetRejectionReasons.Malformed)]
    [InlineData("eyJ.e30.AA", SetRejectionReasons.Malformed)]
    [InlineData("eyJhIjoxLCJhIjoyfQ.e30.AA", SetRejectionReasons.DuplicateMember)]
    public async Task Validate_NotACompactJws_InvalidRequest(string token, string reason)
    {
        AssertRejected(await _harness.ValidateAsync(token), "invalid_request", reason);
    }

    [Fact]
    public async Task Validate_UnknownIssuer_InvalidIssuer()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("iss", "https://stranger.test/")), "invalid_issuer", SetRejectionReasons.UnknownIssuer);
    }

    [Fact]
    public async Task Validate_IssuerOfAStreamTheCallerIsNotFor_AccessDenied()
    {
        var token = _harness.OtherKey.Sign(_harness.Claims().With("iss", TestStreams.OtherIssuer));

        AssertRejected(await _harness.ValidateAsync(token), "access_denied", SetRejectionReasons.IssuerNotAuthorized);
    }

    [Fact]
    public async Task Validate_IssuerDiffersByTrailingSlash_InvalidIssuer()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("iss", TestStreams.Issuer.TrimEnd('/'))), "invalid_issuer", SetRejectionReasons.UnknownIssuer);
    }

    [Theory]
    [InlineData("https://elsewhere.test/")]
    [InlineData(null)]
    public async Task Validate_AudienceNotThisReceiver_InvalidAudience(string? audience)
    {
        var claims = audience is null ? _harness.Claims().Without("aud") : _harness.Claims().With("aud", audience);

        AssertRejected(await _harness.ValidateAsync(claims), "invalid_audience", SetRejectionReasons.Audience);
    }

    [Fact]
    public async Task Validate_BadSignatureAndWrongAudience_SignatureReportedFirst()
    {
        using var impostor = TestSigningKey.Es256(_harness.Key.KeyId);

        AssertRejected(await _harness.ValidateAsync(impostor.Sign(_harness.Claims().With("aud", "https://elsewhere.test/"))), "invalid_key", SetRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Validate_SignatureOfAnotherKeyWithSameKid_InvalidKey()
    {
        using var impostor = TestSigningKey.Es256(_harness.Key.KeyId);

        AssertRejected(await _harness.ValidateAsync(impostor.Sign(_harness.Claims())), "invalid_key", SetRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Validate_IatMissing_InvalidRequest()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().Without("iat")), "invalid_request", SetRejectionReasons.IatMissing);
    }

    [Fact]
    public async Task Validate_IatWithinSkew_Accepted()
    {
        var iat = _harness.Time.GetUtcNow().AddSeconds(90).ToUnixTimeSeconds();

        Assert.True((await _harness.ValidateAsync(_harness.Claims().With("iat", iat))).IsValid);
    }

    [Fact]
    public async Task Validate_IatBeyondSkew_InvalidRequest()
    {
        var iat = _harness.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds();

        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("iat", iat)), "invalid_request", SetRejectionReasons.IatFuture);
    }

    [Fact]
    public async Task Validate_IatOlderThanMaxAge_InvalidRequest()
    {
        var iat = _harness.Time.GetUtcNow().AddDays(-8).ToUnixTimeSeconds();

        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("iat", iat)), "invalid_request", SetRejectionReasons.IatTooOld);
    }

    [Theory]
    [InlineData("jti", SetRejectionReasons.JtiMissing)]
    [InlineData("events", SetRejectionReasons.EventCount)]
    [InlineData("sub_id", SetRejectionReasons.SubjectMissing)]
    public async Task Validate_RequiredClaimMissing_InvalidRequest(string claim, string reason)
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().Without(claim)), "invalid_request", reason);
    }

    [Theory]
    [InlineData("sub", SetRejectionReasons.SubPresent)]
    [InlineData("exp", SetRejectionReasons.ExpPresent)]
    public async Task Validate_ForbiddenClaimPresent_InvalidRequest(string claim, string reason)
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With(claim, "x")), "invalid_request", reason);
    }

    [Fact]
    public async Task Validate_JtiLongerThanLimit_InvalidRequest()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("jti", new string('j', 257))), "invalid_request", SetRejectionReasons.JtiMissing);
    }

    [Fact]
    public async Task Validate_TwoEvents_InvalidRequest()
    {
        var events = new JsonObject { ["urn:example:a"] = new JsonObject(), ["urn:example:b"] = new JsonObject() };

        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("events", events)), "invalid_request", SetRejectionReasons.EventCount);
    }

    [Fact]
    public async Task Validate_EventPayloadNotAnObject_InvalidRequest()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("events", new JsonObject { ["urn:example:a"] = "x" })), "invalid_request", SetRejectionReasons.EventPayload);
    }

    [Fact]
    public async Task Validate_UnknownEventTypeAndMembers_Accepted()
    {
        var claims = _harness.Claims()
            .With("events", new JsonObject { ["urn:example:unknown"] = new JsonObject { ["anything"] = new JsonArray(1, 2) } })
            .With("unknown_claim", new JsonObject { ["x"] = 1 });

        Assert.True((await _harness.ValidateAsync(claims)).IsValid);
    }

    [Fact]
    public async Task Validate_LegacyInEventSubject_Accepted()
    {
        var events = new JsonObject
        {
            ["https://schemas.openid.net/secevent/risc/event-type/account-disabled"] = new JsonObject
            {
                ["subject"] = new JsonObject { ["subject_type"] = "iss-sub", ["iss"] = "https://idp.test/", ["sub"] = "alice" },
            },
        };

        var result = await _harness.ValidateAsync(_harness.Claims().Without("sub_id").With("events", events));

        Assert.True(result.IsValid, result.Rejection?.Description);
        Assert.Equal("iss_sub", result.Set!.SubjectFormat);
    }

    [Theory]
    [InlineData("""{"format":"email"}""")]
    [InlineData("""{"format":"iss_sub","iss":"https://idp.test/"}""")]
    [InlineData("""{"format":"complex"}""")]
    [InlineData("""{"format":"complex","user":{"format":"complex","tenant":{"format":"opaque","id":"t"}}}""")]
    [InlineData("""{"format":"ip-addresses","ip-addresses":["not-an-ip"]}""")]
    [InlineData("""{"id":"no format"}""")]
    [InlineData("\"just a string\"")]
    public async Task Validate_MalformedSubject_InvalidRequest(string subject)
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("sub_id", JsonNode.Parse(subject))), "invalid_request", SetRejectionReasons.SubjectMalformed);
    }

    [Theory]
    [InlineData("risk-level-change", """{"current_level":"SEVERE"}""")]
    [InlineData("device-compliance-change", """{"current_status":"unknown"}""")]
    [InlineData("token-claims-change", """{"claims":"role=admin"}""")]
    [InlineData("credential-change", """{"credential_type":"password"}""")]
    [InlineData("assurance-level-change", """{"current_level":"nist-aal2"}""")]
    public async Task Validate_CaepPayloadNotConforming_InvalidRequest(string type, string payload)
    {
        var events = new JsonObject { ["https://schemas.openid.net/secevent/caep/event-type/" + type] = JsonNode.Parse(payload) };

        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("events", events)), "invalid_request", SetRejectionReasons.EventPayload);
    }

    [Theory]
    [InlineData("\"txn\":\"a\\u0000b\"")]
    [InlineData("\"txn\":\"\\ud800\"")]
    [InlineData("\"\\udc00\":1")]
    public async Task Validate_TextPostgresCannotStore_InvalidRequest(string member)
    {
        var json = _harness.Claims().ToJsonString();
        var token = _harness.Key.SignRaw(json[..^1] + "," + member + "}");

        AssertRejected(await _harness.ValidateAsync(token), "invalid_request", SetRejectionReasons.UnstorableText);
    }

    [Fact]
    public async Task Validate_LargerThanLimit_InvalidRequest()
    {
        AssertRejected(await _harness.ValidateAsync(_harness.Claims().With("padding", new string('x', 70_000))), "invalid_request", SetRejectionReasons.TooLarge);
    }

    [Theory]
    [MemberData(nameof(Rfc8417Examples))]
    public async Task Validate_Rfc8417Example_InvalidRequest(string file)
    {
        var claims = RepositoryFiles.ReadConformanceJson("caep", "rfc8417", file)
            .With("iss", TestStreams.Issuer).With("aud", TestStreams.Audience).With("iat", _harness.Time.GetUtcNow().ToUnixTimeSeconds());

        var result = await _harness.ValidateAsync(claims);

        Assert.Equal("invalid_request", result.Rejection?.Error);
    }

    public static TheoryData<string> Rfc8417Examples => [.. RepositoryFiles.ConformanceFiles("caep", "rfc8417")];

    public void Dispose() => _harness.Dispose();

    private static void AssertRejected(SetValidation result, string error, string reason)
    {
        Assert.False(result.IsValid);
        Assert.Equal(error, result.Rejection!.Error);
        Assert.Equal(reason, result.Rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Description));
    }
}
