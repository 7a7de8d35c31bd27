using System.Text.Json;
using RealTimeAuth.Admin.Components.Pages.Overview;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class OverviewPageTests : ConsoleTestContext
{
    public OverviewPageTests() => SignIn("rta-auditor");

    [Fact]
    public void Overview_BeforeFirstStats_ShowsLoading()
    {
        var page = RenderPage<OverviewPage>();

        Assert.NotNull(page.Find("[data-testid=loading]"));
    }

    [Fact]
    public void Overview_StatsArrive_ShowsCountsRatesAndLatency()
    {
        var page = RenderPage<OverviewPage>();

        Stream.Dispatch("stats", JsonSerializer.Serialize(Samples.Stats(sessions: 42), JsonSerializerOptions.Web));

        page.WaitForAssertion(() => Assert.Contains("42", page.Find("[data-testid=stat-sessions]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.Contains("12.5", page.Find("[data-testid=stat-decisions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("9.8 ms", page.Find("[data-testid=stat-p99]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_BurstOfStats_RendersAtMostAFewTimes()
    {
        var page = RenderPage<OverviewPage>();
        var before = page.RenderCount;

        for (var index = 0; index < 1000; index++)
        {
            Stream.Dispatch("stats", JsonSerializer.Serialize(Samples.Stats(sessions: index), JsonSerializerOptions.Web));
        }

        page.WaitForAssertion(() => Assert.Contains("999", page.Find("[data-testid=stat-sessions]").TextContent, StringComparison.Ordinal), Wait.Render);
        Assert.True(page.RenderCount - before <= 5, $"1000 stats messages caused {page.RenderCount - before} renders.");
    }
}
