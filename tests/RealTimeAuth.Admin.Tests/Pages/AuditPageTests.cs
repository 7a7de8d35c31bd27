using System.Net;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Pages.Audit;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class AuditPageTests : ConsoleTestContext
{
    public AuditPageTests() => SignIn("rta-auditor");

    [Fact]
    public void Audit_AdminActions_ListedFromTheEventLogByAdminActors()
    {
        Api.Json("admin/v1/events", new AdminEventPage([Samples.Event(9)], null)).Json("admin/v1/audit/decisions", new DecisionPage([], null));

        var page = RenderPage<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("compromised", page.Find("[data-testid=admin-actions]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains(Api.Requests, request => request.Contains("events?actor=admin%3A", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_NoDecisionsNoActions_ShowsEmptyStates()
    {
        Api.Json("admin/v1/events", new AdminEventPage([], null)).Json("admin/v1/audit/decisions", new DecisionPage([], null));

        var page = RenderPage<AuditPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=decisions-empty]")), Wait.Render);
        Assert.NotNull(page.Find("[data-testid=admin-actions-empty]"));
    }

    [Fact]
    public void Audit_EventLogFails_ShowsError()
    {
        Api.Status("admin/v1/events", HttpStatusCode.BadGateway).Json("admin/v1/audit/decisions", new DecisionPage([], null));

        var page = RenderPage<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("502", page.Find("[data-testid=api-error]").TextContent, StringComparison.Ordinal), Wait.Render);
    }

    [Fact]
    public void Audit_ServerSlow_ShowsLoading()
    {
        Api.Hold("admin/v1/");

        var page = RenderPage<AuditPage>();

        Assert.NotEmpty(page.FindAll("[data-testid=loading]"));
    }
}
