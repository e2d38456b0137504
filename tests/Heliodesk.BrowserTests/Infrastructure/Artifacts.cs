using Microsoft.Playwright;

namespace Heliodesk.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots of the pages under test, kept as test artifacts in artifacts/screenshots. With
/// HELIODESK_UPDATE_SCREENSHOTS=1 they also replace the README's pictures in docs/screenshots.
/// </summary>
public static class Artifacts
{
    private static readonly string RepositoryRoot = FindRoot();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Save(Path.Combine(RepositoryRoot, "artifacts", "screenshots"), name, bytes);
        if (Environment.GetEnvironmentVariable("HELIODESK_UPDATE_SCREENSHOTS") == "1")
        {
            Save(Path.Combine(RepositoryRoot, "docs", "screenshots"), name, bytes);
        }
    }

    private static void Save(string directory, string name, byte[] bytes)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name + ".png"), bytes);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Heliodesk.slnx")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
