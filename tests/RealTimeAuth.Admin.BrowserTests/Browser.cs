using Microsoft.Playwright;

namespace RealTimeAuth.Admin.BrowserTests;

/// <summary>
/// Debian's Chromium through Playwright, never a downloaded browser. A missing Chromium fails the test with
/// what to install: these tests never skip silently.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        // Playwright's 5 s default is tight for a Blazor Server render on a loaded 2-core CI machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        if (!File.Exists(ChromiumPath))
        {
            var ci = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? "" : " (CI is set)";
            Assert.Fail($"Chromium is missing at {ChromiumPath}{ci}: install it with 'apt-get install -y chromium'. The browser tests never download a browser.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Flags,
        });
        return (playwright, browser);
    }
}
