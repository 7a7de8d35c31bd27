using System.Collections.Immutable;
using System.Text.Json.Nodes;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>The claims-scope rule of SET validation (ADR 0020), and the allowed-claims settings, without I/O.</summary>
public sealed class ClaimScopeRuleTests : IDisposable
{
    private const string Caep = "https://schemas.openid.net/secevent/caep/event-type/";
    private const string Risc = "https://schemas.openid.net/secevent/risc/event-type/";
    private readonly ValidatorHarness _harness = new();

    [Theory]
    [InlineData("risk-level-change", """{"current_level":"HIGH"}""")]
    [InlineData("assurance-level-change", """{"namespace":"NIST-AAL","current_level":"nist-aal2"}""")]
    [InlineData("device-compliance-change", """{"current_status":"not-compliant"}""")]
    public async Task Validate_CaepAttributeEventUnderDefaultList_Accepted(string type, string payload)
    {
        var result = await ValidateAsync(_harness.Stream, Caep + type, JsonNode.Parse(payload)!);

        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Theory]
    [InlineData("""{"role":"admin"}""")]
    [InlineData("""{"email":"mallory@example.com"}""")]
    [InlineData("""{"department":"finance"}""")]
    public async Task Validate_TokenClaimsChangeUnderDefaultList_AccessDenied(string claims)
    {
        var result = await ValidateAsync(_harness.Stream, Caep + "token-claims-change", new JsonObject { ["claims"] = JsonNode.Parse(claims) });

        AssertClaimNotAllowed(result);
    }

    [Fact]
    public async Task Validate_OneAllowedClaimBesideARefusedOne_RefusedWhole()
    {
        var stream = _harness.Stream with { AllowedClaims = ["user.claim.department"] };

        var result = await ValidateAsync(stream, Caep + "token-claims-change",
            new JsonObject { ["claims"] = new JsonObject { ["department"] = "finance", ["roles"] = new JsonArray("admin") } });

        AssertClaimNotAllowed(result);
        Assert.Contains("user.roles", result.Rejection!.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("user.claim.department", result.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ManyLongRefusedClaimNames_DescriptionStaysShort()
    {
        var claims = new JsonObject();
        for (var index = 0; index < 10; index++)
        {
            claims[new string((char)('a' + index), 3_000)] = "x";
        }

        var result = await ValidateAsync(_harness.Stream, Caep + "token-claims-change", new JsonObject { ["claims"] = claims });

        AssertClaimNotAllowed(result);
        Assert.True(result.Rejection!.Description.Length < 1_000, $"Description of {result.Rejection.Description.Length} characters.");
    }

    [Fact]
    public async Task Validate_ClaimsMatchingATrailingStarPattern_Accepted()
    {
        var stream = _harness.Stream with { AllowedClaims = ["user.claim.*", "user.roles"] };

        var result = await ValidateAsync(stream, Caep + "token-claims-change",
            new JsonObject { ["claims"] = new JsonObject { ["department"] = "finance", ["role"] = "reader", ["sub"] = "ignored", ["iss"] = "ignored" } });

        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Fact]
    public async Task Validate_RiskLevelWhenOnlyClaimsAllowed_AccessDenied()
    {
        var stream = _harness.Stream with { AllowedClaims = ["user.claim.*"] };

        AssertClaimNotAllowed(await ValidateAsync(stream, Caep + "risk-level-change", new JsonObject { ["current_level"] = "LOW" }));
    }

    [Fact]
    public async Task Validate_IdentifierChangedOfAnEmailUnderDefaultList_AccessDenied()
    {
        AssertClaimNotAllowed(await ValidateAsync(_harness.Stream, Risc + "identifier-changed", new JsonObject { ["new-value"] = "new@example.com" }));
    }

    [Fact]
    public async Task Validate_IdentifierChangedWithEmailAllowed_Accepted()
    {
        var stream = _harness.Stream with { AllowedClaims = ["user.email"] };

        var result = await ValidateAsync(stream, Risc + "identifier-changed", new JsonObject { ["new-value"] = "new@example.com" });

        Assert.True(result.IsValid, result.Rejection?.Description);
    }

    [Fact]
    public void Effective_Unset_TheThreeCaepAttributes() =>
        Assert.Equal<string>(["user.risk_level", "user.assurance_level", "user.device_compliant"], [.. TransmitterClaims.Effective([])]);

    [Theory]
    [InlineData("user.claim.*", null)]
    [InlineData("user.*", null)]
    [InlineData("user.roles", null)]
    [InlineData("user.claim.department", null)]
    [InlineData("user.claim.", "user.claim.")]
    [InlineData("*", "*")]
    [InlineData("user.*.x", "user.*.x")]
    [InlineData("user.sub", "user.sub")]
    public void Problem_EachEntry_NamesTheBadOnes(string entry, string? named)
    {
        var problem = TransmitterClaims.Problem(entry);

        if (named is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains($"'{named}'", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OptionsValidator_UnknownAllowedClaim_FailsNamingTheKey()
    {
        var transmitter = new TransmitterOptions
        {
            Issuer = "https://tr.test/",
            Audience = "rta",
            PushAuthorization = "Bearer 0123456789abcdef",
            AllowedClaims = ["user.risk_level", "user.iss"],
        };

        var result = new SharedSignalsOptionsValidator().Validate(null, new SharedSignalsOptions { Transmitters = [transmitter] });

        Assert.True(result.Failed);
        Assert.Contains("SharedSignals:Transmitters:0:AllowedClaims", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("user.iss", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private Task<SetValidation> ValidateAsync(SsfStreamDescriptor stream, string eventType, JsonNode payload)
    {
        var claims = _harness.Claims().With("events", new JsonObject { [eventType] = payload });
        return _harness.Validator.ValidateAsync(_harness.Key.Sign(claims), ImmutableArray.Create(stream), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static void AssertClaimNotAllowed(SetValidation result)
    {
        Assert.False(result.IsValid);
        Assert.Equal("access_denied", result.Rejection!.Error);
        Assert.Equal(SetRejectionReasons.ClaimNotAllowed, result.Rejection.Reason);
    }
}
