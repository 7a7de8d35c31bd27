using Microsoft.Playwright;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.Admin.BrowserTests;

/// <summary>
/// Everything a browser test needs, on real Kestrel: the dev IdP (with this console's redirect URI), one RTA server
/// on a fresh PostgreSQL database and the shared Redis, the admin console, and Chromium.
/// </summary>
public sealed class ConsoleStack : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private ConsoleStack(DevIdentityProvider idp, ServerCluster cluster, ServerHost server, AdminConsoleHost console, IPlaywright playwright, IBrowser browser)
    {
        Idp = idp;
        Cluster = cluster;
        Server = server;
        Console = console;
        Playwright = playwright;
        Browser = browser;
    }

    public DevIdentityProvider Idp { get; }

    public ServerCluster Cluster { get; }

    public ServerHost Server { get; }

    public AdminConsoleHost Console { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static async Task<ConsoleStack> StartAsync(InfrastructureFixture infrastructure, string name)
    {
        var (playwright, browser) = await BrowserTests.Browser.LaunchAsync();
        var consolePort = AdminConsoleHost.PickPort();
        var idp = new DevIdentityProvider();
        idp.AdminRedirectUris.Add(AdminConsoleHost.BaseAddressOf(consolePort));
        await idp.StartAsync();
        // Seeded with the simulator's demo policy, as the app host does, so the Policies page has a version to show.
        var cluster = await ServerCluster.CreateAsync(infrastructure, idp, name, new Dictionary<string, string?>
        {
            ["Policies:File"] = Path.Combine(Screenshots.RepositoryRoot, "policies", "agents.policy.json"),
        });
        var server = await cluster.StartReplicaAsync();
        var console = new AdminConsoleHost(idp.Issuer, server.BaseAddress, consolePort);
        await Task.Run(console.StartServer).WaitAsync(HostingTimeouts.Startup);
        await WaitUntilAnswersAsync(new Uri(console.BaseAddress + "/alive"));
        return new ConsoleStack(idp, cluster, server, console, playwright, browser);
    }

    /// <summary>A fresh browser context (no cookies) signed in as <paramref name="email"/> through the dev IdP's login page.</summary>
    public async Task<IPage> SignInAsync(string email, string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Method} {request.Url}: {request.Failure}");
        try
        {
            await page.GotoAsync(Console.BaseAddress + path);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException("Opening the console failed: " + string.Join("; ", failures), exception);
        }

        await page.Locator("#username").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url.StartsWith(Console.BaseAddress, StringComparison.Ordinal));
        }
        catch (TimeoutException exception)
        {
            var text = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Signing in as {email} stopped at {page.Url}: {text[..Math.Min(text.Length, 400)]}", exception);
        }

        // The page is prerendered: a click before the Blazor circuit is connected is lost.
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task WaitUntilAnswersAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = HostingTimeouts.Request };
        using var response = await http.GetAsync(address);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Console.DisposeAsync();
        await Cluster.DisposeAsync();
        await Idp.DisposeAsync();
    }
}
