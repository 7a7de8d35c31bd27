using System.Net;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Pages.Trust;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class TrustPageTests : ConsoleTestContext
{
    private static readonly SsfStream Stream1 = new(
        Guid.NewGuid(), "https://tx.test/", "rta", "s-1", "urn:ietf:rfc:8935", null, [], "configuration", true, "enabled", null, "verified",
        DateTimeOffset.UnixEpoch, "Test transmitter", DateTimeOffset.UnixEpoch);

    private static readonly SubjectBlock Block = new(
        "iss_sub", "https://idp.test", "user-1", "https://tx.test/", "disabled", null, "account-disabled", "jti-1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Trust_Admin_ShowsIssuersStreamsAndVerifyButton()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/trust/issuers", new[] { new TrustedIssuer("http://idp.test/", "rta-server", "jwks", "http://idp.test/jwks", null) })
            .Json("admin/v1/ssf/streams", new[] { Stream1 });

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.Contains("Test transmitter", page.Find("[data-testid=streams-table]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains("http://idp.test/jwks", page.Find("[data-testid=issuers-table]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=verify-stream]"));
    }

    [Fact]
    public void Trust_IssuerWhoseMetadataCannotBeRead_SaysWhy()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/trust/issuers", new[] { new TrustedIssuer("http://idp.test/", "rta-server", "jwks", null, null, "IDX20803: Unable to obtain configuration") })
            .Json("admin/v1/ssf/streams", new[] { Stream1 });

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.Contains("IDX20803", page.Find("[data-testid=issuer-metadata-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Trust_Auditor_NoVerifyButton()
    {
        SignIn("rta-auditor");
        Api.Json("admin/v1/trust/issuers", Array.Empty<TrustedIssuer>()).Json("admin/v1/ssf/streams", new[] { Stream1 });

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=streams-table]")), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=verify-stream]"));
    }

    [Fact]
    public void Trust_NothingConfigured_ShowsEmptyStates()
    {
        SignIn("rta-auditor");
        Api.Json("admin/v1/trust/issuers", Array.Empty<TrustedIssuer>()).Json("admin/v1/ssf/streams", Array.Empty<SsfStream>());

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=streams-empty]")), Wait.Render);
        Assert.NotNull(page.Find("[data-testid=issuers-empty]"));
    }

    [Fact]
    public void Trust_StreamsFail_ShowsError()
    {
        SignIn("rta-auditor");
        Api.Json("admin/v1/trust/issuers", Array.Empty<TrustedIssuer>()).Status("admin/v1/ssf/streams", HttpStatusCode.InternalServerError);

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=api-error]")), Wait.Render);
    }

    [Fact]
    public void Trust_AdminLiftsABlock_PostsTheLiftWithTheReasonAndReloads()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/trust/issuers", Array.Empty<TrustedIssuer>()).Json("admin/v1/ssf/streams", new[] { Stream1 })
            .Json("admin/v1/blocks", new SubjectBlockPage([Block], 1)).Status("admin/v1/blocks/lift", HttpStatusCode.NoContent);

        var page = RenderPage<TrustPage>();
        page.WaitForAssertion(() => Assert.Contains("https://tx.test/", page.Find("[data-testid=block-set-by]").TextContent, StringComparison.Ordinal), Wait.Render);
        page.Find("[data-testid=lift-block]").Click();
        var dialogs = Dialogs!;
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=reason-dialog]")), Wait.Render);
        dialogs.Find("[data-testid=reason-dialog] textarea").Input("Confirmed with the user's manager");
        dialogs.Find("[data-testid=reason-confirm]").Click();

        page.WaitForAssertion(() => Assert.Contains("POST admin/v1/blocks/lift", Api.Requests), Wait.Render);
        page.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count(request => request.StartsWith("GET admin/v1/blocks", StringComparison.Ordinal))), Wait.Render);
    }

    [Fact]
    public void Trust_AuditorSeesBlocksAndTheirSetter_NoLiftButton()
    {
        SignIn("rta-auditor");
        Api.Json("admin/v1/trust/issuers", Array.Empty<TrustedIssuer>()).Json("admin/v1/ssf/streams", new[] { Stream1 with { AllowedClaims = ["user.risk_level"] } })
            .Json("admin/v1/blocks", new SubjectBlockPage([Block with { SetBy = "" }], 1));

        var page = RenderPage<TrustPage>();

        page.WaitForAssertion(() => Assert.Contains("unknown (admin only)", page.Find("[data-testid=block-set-by]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains("user.risk_level", page.Find("[data-testid=stream-allowed-claims]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=lift-block]"));
    }

    [Fact]
    public void Trust_ServerSlow_ShowsLoading()
    {
        SignIn("rta-auditor");
        Api.Hold("admin/v1/");

        var page = RenderPage<TrustPage>();

        Assert.NotEmpty(page.FindAll("[data-testid=loading]"));
    }
}
