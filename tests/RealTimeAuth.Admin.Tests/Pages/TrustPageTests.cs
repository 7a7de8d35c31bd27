using System.Net;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Pages.Trust;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class TrustPageTests : ConsoleTestContext
{
    private static readonly SsfStream Stream1 = new(
        Guid.NewGuid(), "https://tx.test/", "rta", "s-1", "urn:ietf:rfc:8935", null, [], "configuration", true, "enabled", null, "verified",
        DateTimeOffset.UnixEpoch, "Test transmitter", DateTimeOffset.UnixEpoch);

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
    public void Trust_ServerSlow_ShowsLoading()
    {
        SignIn("rta-auditor");
        Api.Hold("admin/v1/");

        var page = RenderPage<TrustPage>();

        Assert.NotEmpty(page.FindAll("[data-testid=loading]"));
    }
}
