using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using static Microsoft.Playwright.Assertions;

namespace RealTimeAuth.Admin.BrowserTests;

/// <summary>
/// The console in Chromium against the real IdP, server and SDK: an admin watches an agent's session appear, revokes
/// it with a reason, and the agent's own stream receives the revocation; auditors read; anyone else is refused.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed partial class ConsoleFlowTests(InfrastructureFixture infrastructure)
{
    private const string AdminEmail = "admin@realtimeauth.dev";
    private static readonly TimeSpan Push = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Admin_RevokesLiveAgentSessionWithReason_AgentStreamReceivesRevocationAndEventsShowIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var stack = await ConsoleStack.StartAsync(infrastructure, "console_admin");
        var page = await stack.SignInAsync(AdminEmail);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(AdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        await Expect(page.GetByTestId("sessions-empty")).ToBeVisibleAsync();

        // An agent session made through the SDK appears without a reload.
        var reason = $"browser test {Guid.NewGuid():N}";
        var userToken = await stack.Idp.UserAccessTokenAsync(timeout.Token);
        using var factory = Agents.CopilotFactory(stack.Cluster, stack.Server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"], Agent = Agents.Identity("copilot", "copilot") }, timeout.Token);
        using var probe = new AgentProbe(copilot);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, Push);
        await using var reader = await copilot.CreateChildAsync(Agents.Identity("reader", "policy-reader"), ["records:read"], timeout.Token);
        using var readerProbe = new AgentProbe(reader);
        await readerProbe.WaitForStateAsync(RtaConnectionState.Connected, Push);
        var row = page.GetByTestId("session-agent").Filter(new() { HasText = copilot.Agent.Id });
        await Expect(row).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sessions");

        // Open it, revoke with a reason.
        await page.GetByTestId("session-open").Last.ClickAsync();
        await Expect(page.GetByTestId("delegation-tree")).ToContainTextAsync(reader.Agent.Id!);
        await Expect(page.GetByTestId("delegation-tree")).ToContainTextAsync(copilot.Agent.Id!);
        await Expect(page.GetByTestId("loading")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "session-detail");
        await page.GetByTestId("revoke-session").ClickAsync();
        await page.Locator(".mud-dialog textarea").First.FillAsync(reason);
        await page.GetByTestId("reason-confirm").ClickAsync();

        var revoked = await probe.Revoked.WaitAsync(Push, timeout.Token);
        Assert.True(revoked.Pushed, "The revocation should arrive on the agent's live stream.");
        Assert.Equal("admin-revoked", revoked.Reason);
        Assert.Equal(reason, revoked.Detail);
        var childRevoked = await readerProbe.Revoked.WaitAsync(Push, timeout.Token);
        Assert.Equal("ancestor-revoked", childRevoked.Reason);
        await Expect(page.GetByText(new Regex("Session revoked: 2 session"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("session-status")).ToHaveTextAsync("Revoked");
        await page.Locator(".mud-snackbar button").First.ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

        // The admin action shows in the event feed and the audit page, with the admin as actor.
        await page.GetByRole(AriaRole.Link, new() { Name = "Events" }).ClickAsync();
        await Expect(page.GetByTestId("events-table")).ToContainTextAsync(reason);
        await Expect(page.GetByTestId("events-table")).ToContainTextAsync("admin:" + AdminEmail);
        await Screenshots.SaveAsync(page, "events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Expect(page.GetByTestId("admin-actions")).ToContainTextAsync(reason);
        await Expect(page.GetByTestId("loading")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "audit");

        foreach (var (link, name) in new[] { ("Overview", "overview"), ("Policies", "policies"), ("Trust", "trust") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(link);
            await Expect(page.GetByTestId("loading")).ToHaveCountAsync(0);
            if (name == "overview")
            {
                await Expect(page.GetByTestId("stat-sessions")).ToBeVisibleAsync();
            }

            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task UserWithoutConsoleRole_SignsIn_SeesAccessDenied()
    {
        await using var stack = await ConsoleStack.StartAsync(infrastructure, "console_user");
        var page = await stack.SignInAsync("user@realtimeauth.dev", "/sessions");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sessions-grid")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "access-denied");
    }

    [Fact]
    public async Task Auditor_OpensSession_SeesItWithoutRevokeButtons()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var stack = await ConsoleStack.StartAsync(infrastructure, "console_auditor");
        var userToken = await stack.Idp.UserAccessTokenAsync(timeout.Token);
        using var factory = Agents.CopilotFactory(stack.Cluster, stack.Server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"], Agent = Agents.Identity("copilot", "copilot") }, timeout.Token);

        var page = await stack.SignInAsync("auditor@realtimeauth.dev", "/sessions");
        await Expect(page.GetByTestId("session-agent").Filter(new() { HasText = copilot.Agent.Id })).ToBeVisibleAsync();
        await page.GetByTestId("session-open").First.ClickAsync();
        await Expect(page.GetByTestId("delegation-tree")).ToContainTextAsync(copilot.Agent.Id!);

        await Expect(page.GetByTestId("revoke-session")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("session-actions")).ToHaveCountAsync(0);
    }
}
