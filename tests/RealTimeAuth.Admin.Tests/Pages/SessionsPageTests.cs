using System.Net;
using RealTimeAuth.Admin.Components.Pages.Sessions;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class SessionsPageTests : ConsoleTestContext
{
    public SessionsPageTests() => SignIn("rta-auditor");

    [Fact]
    public void Sessions_ServerReturnsRows_ShowsThemWithState()
    {
        Api.Json("admin/v1/sessions", Samples.Page(Samples.Session(Samples.RootId, null, "copilot-1"), Samples.Session(Samples.ChildId, Samples.RootId, "reader-1", "Revoked")));

        var page = RenderPage<SessionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=session-agent]").Count), Wait.Render);
        Assert.Contains("reader-1", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Revoked", page.Markup, StringComparison.Ordinal);
        Assert.Contains(Api.Requests, request => request.StartsWith("GET admin/v1/sessions?page=0&pageSize=25", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_NoRows_ShowsEmptyState()
    {
        Api.Json("admin/v1/sessions", Samples.Page());

        var page = RenderPage<SessionsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sessions-empty]")), Wait.Render);
    }

    [Fact]
    public void Sessions_ServerFails_ShowsReadableError()
    {
        Api.Status("admin/v1/sessions", HttpStatusCode.InternalServerError);

        var page = RenderPage<SessionsPage>();

        page.WaitForAssertion(() => Assert.Contains("The server answered 500", page.Find("[data-testid=api-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Sessions_ServerSlow_ShowsLoading()
    {
        Api.Hold("admin/v1/sessions").Json("admin/v1/sessions", Samples.Page());

        var page = RenderPage<SessionsPage>();

        page.WaitForAssertion(() => Assert.Contains("Loading sessions", page.Markup, StringComparison.Ordinal), Wait.Render);
        Assert.Empty(page.FindAll("[data-testid=sessions-empty]"));
    }

    [Fact]
    public void Sessions_RevocationOnTheStream_ReloadsTheGrid()
    {
        Api.Json("admin/v1/sessions", Samples.Page());
        var page = RenderPage<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sessions-empty]")), Wait.Render);
        Api.Json("admin/v1/sessions", Samples.Page(Samples.Session(Samples.RootId, null, "copilot-1")));

        Stream.Dispatch("log", System.Text.Json.JsonSerializer.Serialize(Samples.Event(7, "session.created"), System.Text.Json.JsonSerializerOptions.Web));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=session-agent]")), Wait.Render);
    }

    [Fact]
    public async Task Sessions_ReloadAfterLiveEventFails_ExceptionReachesTheRenderer()
    {
        Api.Json("admin/v1/sessions", Samples.Page());
        var page = RenderPage<SessionsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sessions-empty]")), Wait.Render);
        Api.Respond("admin/v1/sessions", () => throw new InvalidOperationException("reload failed"));

        Stream.Dispatch("log", System.Text.Json.JsonSerializer.Serialize(Samples.Event(7, "session.created"), System.Text.Json.JsonSerializerOptions.Web));

        var exception = await Renderer.UnhandledException.WaitAsync(Wait.Render);
        Assert.Equal("reload failed", Assert.IsType<InvalidOperationException>(exception).Message);
    }
}
