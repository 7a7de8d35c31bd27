using System.Net;
using System.Text.Json;
using RealTimeAuth.Admin.Components.Pages.Sessions;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class SessionDetailPageTests : ConsoleTestContext
{
    [Fact]
    public void Detail_Admin_ShowsTreeContextAndRevokeActions()
    {
        SignIn("rta-admin");
        Api.Json($"admin/v1/sessions/{Samples.RootId}", Samples.Detail());

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        page.WaitForAssertion(() => Assert.Contains("reader-1", page.Find("[data-testid=delegation-tree]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains("rick@the-citadel.com", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=revoke-session]"));
        Assert.NotNull(page.Find("[data-testid=revoke-user]"));
    }

    [Fact]
    public void Detail_DelegatedSession_ShowsItsKeyChainRootFirstWithFullThumbprintsInTooltips()
    {
        SignIn("rta-auditor");
        Api.Json($"admin/v1/sessions/{Samples.ChildId}", Samples.ChildDetail());

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.ChildId));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=key-chain-key]").Count), Wait.Render);
        var keys = page.FindAll("[data-testid=key-chain-key]");
        Assert.Equal([Samples.RootKey, Samples.ChildKey], keys.Select(key => key.GetAttribute("data-thumbprint")));
        Assert.Equal([Samples.RootKey[..8] + "…", Samples.ChildKey[..8] + "…"], keys.Select(key => key.TextContent));
        Assert.Equal([Samples.RootKey, Samples.ChildKey], page.FindComponents<MudBlazor.MudTooltip>().Select(tooltip => tooltip.Instance.Text));
    }

    [Fact]
    public void Detail_SessionWithoutKey_SaysItIsNotBound()
    {
        SignIn("rta-auditor");
        var detail = Samples.Detail();
        Api.Json($"admin/v1/sessions/{Samples.RootId}", detail with { Session = detail.Session with { KeyThumbprint = null, KeyChain = null } });

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-chain-unbound]")), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=key-chain-key]"));
    }

    [Fact]
    public void Detail_Auditor_HasNoRevokeActions()
    {
        SignIn("rta-auditor");
        Api.Json($"admin/v1/sessions/{Samples.RootId}", Samples.Detail());

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=delegation-tree]")), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=revoke-session]"));
        Assert.Empty(page.FindAll("[data-testid=session-actions]"));
    }

    [Fact]
    public void Detail_UnknownSession_ShowsNotFound()
    {
        SignIn("rta-admin");

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=session-not-found]")), Wait.Render);
    }

    [Fact]
    public void Detail_ServerSlow_ShowsLoading()
    {
        SignIn("rta-admin");
        Api.Hold("admin/v1/sessions/");

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        Assert.NotNull(page.Find("[data-testid=loading]"));
    }

    [Fact]
    public void Detail_SignInExpired_ShowsErrorWithSignInLink()
    {
        SignIn("rta-admin");
        Api.Status("admin/v1/sessions/", HttpStatusCode.Unauthorized);

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        page.WaitForAssertion(() => Assert.Contains("Sign in again", page.Find("[data-testid=api-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public async Task Detail_ReloadAfterLiveEventFails_ExceptionReachesTheRenderer()
    {
        SignIn("rta-admin");
        Api.Json($"admin/v1/sessions/{Samples.RootId}", Samples.Detail());
        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=delegation-tree]")), Wait.Render);
        Api.Respond($"admin/v1/sessions/{Samples.RootId}", () => throw new InvalidOperationException("reload failed"));

        Stream.Dispatch("log", JsonSerializer.Serialize(Samples.Event(8), JsonSerializerOptions.Web));

        var exception = await Renderer.UnhandledException.WaitAsync(Wait.Render);
        Assert.Equal("reload failed", Assert.IsType<InvalidOperationException>(exception).Message);
    }

    [Fact]
    public void Detail_DecisionsAvailable_ListsThem()
    {
        SignIn("rta-admin");
        Api.Json($"admin/v1/sessions/{Samples.RootId}", Samples.Detail())
            .Json("admin/v1/audit/decisions", new
            {
                items = new[] { new { id = 1, time = DateTimeOffset.UnixEpoch, user = "rick", agentChain = new[] { "copilot-1" }, action = "read", resourceType = "records", decision = "deny", reason = "scope-missing" } },
            });

        var page = RenderPage<SessionDetailPage>(parameters => parameters.Add(p => p.Id, Samples.RootId));

        page.WaitForAssertion(() => Assert.Contains("scope-missing", page.Find("[data-testid=decisions-table]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains(Api.Requests, request => request.Contains("audit/decisions?user=rick&agent=copilot-1", StringComparison.Ordinal));
    }
}
