using System.Net;
using System.Text.Json;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Pages.Policies;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class PoliciesPageTests : ConsoleTestContext
{
    private static PolicyVersionSummary Version(int number, string status) => new(
        number, "todo", null, status, 2, "admin:admin@realtimeauth.dev", DateTimeOffset.UnixEpoch, $"v{number}", null, null, null);

    [Fact]
    public void Policies_ServerAnswersNotFound_ShowsError()
    {
        SignIn("rta-admin");

        var page = RenderPage<PoliciesPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=api-error]")), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=policies-table]"));
    }

    [Fact]
    public void Policies_Versions_ListedWithRollbackForAdmins()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/policies", new PolicyList(2, [Version(2, "active"), Version(1, "superseded")]));

        var page = RenderPage<PoliciesPage>();

        page.WaitForAssertion(() => Assert.Contains("Roll back to this", page.Find("[data-testid=policies-table]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Policies_Auditor_NoPublishButtons()
    {
        SignIn("rta-auditor");
        Api.Json("admin/v1/policies", new PolicyList(2, [Version(2, "active"), Version(1, "superseded")]));

        var page = RenderPage<PoliciesPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=policies-table]")), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=publish-version]"));
    }

    [Fact]
    public void Policies_NoVersions_ShowsEmptyState()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/policies", new PolicyList(null, []));

        var page = RenderPage<PoliciesPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=policies-empty]")), Wait.Render);
    }

    [Fact]
    public void Policies_ServerFails_ShowsError()
    {
        SignIn("rta-admin");
        Api.Status("admin/v1/policies", HttpStatusCode.ServiceUnavailable);

        var page = RenderPage<PoliciesPage>();

        page.WaitForAssertion(() => Assert.Contains("503", page.Find("[data-testid=api-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Policies_ServerSlow_ShowsLoading()
    {
        SignIn("rta-admin");
        Api.Hold("admin/v1/policies");

        var page = RenderPage<PoliciesPage>();

        Assert.NotNull(page.Find("[data-testid=loading]"));
    }

    [Fact]
    public void Compare_TwoVersions_ListsAddedRemovedAndChangedRules()
    {
        SignIn("rta-admin");
        Api.Json("admin/v1/policies", new PolicyList(2, [Version(2, "active"), Version(1, "superseded")]))
            .Json("admin/v1/policies/2", Detail(2, """{"rules":[{"id":"a","effect":"allow"},{"id":"c","effect":"deny"}]}"""))
            .Json("admin/v1/policies/1", Detail(1, """{"rules":[{"id":"a","effect":"deny"},{"id":"b","effect":"allow"}]}"""));
        var page = RenderPage<PoliciesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=compare]")), Wait.Render);

        page.Find("[data-testid=compare]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=diff-change]").Count), Wait.Render);
        var changes = page.FindAll("[data-testid=diff-change]").Select(change => change.TextContent.Trim()).ToList();
        Assert.Equal(["changed: a", "removed: b", "added: c"], changes);
    }

    private static PolicyVersionDetail Detail(int number, string document) => new(
        number, "todo", null, "active", 2, "admin", DateTimeOffset.UnixEpoch, null, null, null, null, JsonDocument.Parse(document).RootElement.Clone());
}
