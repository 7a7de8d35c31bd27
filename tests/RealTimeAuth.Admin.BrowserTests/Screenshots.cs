using Microsoft.Playwright;

namespace RealTimeAuth.Admin.BrowserTests;

/// <summary>Saves full-page screenshots under the repository's <c>docs/screenshots/</c> with fixed names, overwriting.</summary>
public static class Screenshots
{
    /// <summary>The checkout the tests run from: the folder holding <c>RealTimeAuth.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealTimeAuth.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RealTimeAuth.sln not found above the test output directory.");
    }
}
