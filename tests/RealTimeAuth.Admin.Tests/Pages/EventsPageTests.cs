using System.Net;
using System.Text.Json;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Pages.Events;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class EventsPageTests : ConsoleTestContext
{
    public EventsPageTests() => SignIn("rta-auditor");

    [Fact]
    public void Events_LogHasEntries_ShowsThemAndLiveOnesOnTop()
    {
        Api.Json("admin/v1/events", new AdminEventPage([Samples.Event(5)], null));
        var page = RenderPage<EventsPage>();
        page.WaitForAssertion(() => Assert.Contains("compromised", page.Find("[data-testid=events-table]").TextContent, StringComparison.Ordinal), Wait.Render);

        Stream.Dispatch("logs", JsonSerializer.Serialize(new[] { Samples.Event(6, "session.created", "client:copilot"), Samples.Event(7, "policy.published") }, JsonSerializerOptions.Web));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=events-table] tbody tr").Count), Wait.Render);
        Assert.StartsWith("7", page.Find("[data-testid=events-table] tbody tr td").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_LiveEntryCannotBeMerged_ExceptionReachesTheRenderer()
    {
        Api.Json("admin/v1/events", new AdminEventPage([Samples.Event(5)], null));
        var page = RenderPage<EventsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=events-table]")), Wait.Render);

        Stream.Dispatch("logs", "[null]");

        Assert.IsType<NullReferenceException>(await Renderer.UnhandledException.WaitAsync(Wait.Render));
    }

    [Fact]
    public void Events_EmptyLog_ShowsEmptyState()
    {
        Api.Json("admin/v1/events", new AdminEventPage([], null));

        var page = RenderPage<EventsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=events-empty]")), Wait.Render);
    }

    [Fact]
    public void Events_Forbidden_ShowsRoleError()
    {
        Api.Status("admin/v1/events", HttpStatusCode.Forbidden);

        var page = RenderPage<EventsPage>();

        page.WaitForAssertion(() => Assert.Contains("role", page.Find("[data-testid=api-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Events_ServerSlow_ShowsLoading()
    {
        Api.Hold("admin/v1/events");

        var page = RenderPage<EventsPage>();

        Assert.NotNull(page.Find("[data-testid=loading]"));
    }
}
