using System.Text.Json;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.SharedSignals.Effects;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>How events become context attributes and reasons, without a database.</summary>
public sealed class EffectMappingTests
{
    [Fact]
    public void TokenClaims_RoleEmailAndOtherClaims_MappedToUserAttributes()
    {
        var claims = JsonDocument.Parse("""{"role":["b","a","a"],"email":"new@example.com","trusted_network":false,"level":3,"ratio":0.5,"groups":["x"],"obj":{"a":1},"sub":"mallory"}""").RootElement;
        var start = SecurityContext.Empty.With("user.sub", "alice").With("user.claim.gone", "x");

        var (change, applied) = TokenClaimsMapping.From(claims);
        var context = change(start);

        Assert.Equal<string>(["a", "b"], [.. context.Attributes["user.roles"].AsStringList()]);
        Assert.Equal("new@example.com", context.Attributes["user.email"].AsString());
        Assert.False(context.Attributes["user.claim.trusted_network"].AsBoolean());
        Assert.Equal(3, context.Attributes["user.claim.level"].AsInt64());
        Assert.Equal(0.5, context.Attributes["user.claim.ratio"].AsDouble());
        Assert.Equal("alice", context.Attributes["user.sub"].AsString());
        Assert.False(context.Attributes.ContainsKey("user.claim.obj"));
        Assert.Equal("ignored", applied["sub"]);
    }

    [Fact]
    public void TokenClaims_NullValue_RemovesTheAttribute()
    {
        var (change, _) = TokenClaimsMapping.From(JsonDocument.Parse("""{"gone":null}""").RootElement);

        Assert.False(change(SecurityContext.Empty.With("user.claim.gone", "x")).Attributes.ContainsKey("user.claim.gone"));
    }

    [Theory]
    [InlineData("https://schemas.openid.net/secevent/caep/event-type/risk-level-change", "caep-risk-level-change")]
    [InlineData("https://schemas.openid.net/secevent/risc/event-type/account-disabled", "risc-account-disabled")]
    [InlineData("https://schemas.openid.net/secevent/ssf/event-type/verification", "ssf-verification")]
    public void ShortName_EventType_ProfileAndName(string type, string expected)
    {
        Assert.Equal(expected, EffectOutcomes.ShortName(type));
    }

    [Fact]
    public void Detail_MultilingualAdminReason_EnglishChosen()
    {
        var payload = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Conformance("caep", "fragments", "caep-reason_admin-multilang.json"))).RootElement;
        var received = new ReceivedEvent(1, "https://tr.test/", "jti-1", "urn:x", payload, default, ValidatorHarness.Descriptor("https://tr.test/", null));

        Assert.Equal("SET jti-1: Landspeed Policy Violation: C076E82F", received.Detail);
    }
}
