using Microsoft.Playwright;

namespace Heliodesk.BrowserTests.Infrastructure;

/// <summary>
/// One app and one headless Debian Chromium per test class (a launch costs ~2.5 s); each test gets a
/// fresh browser context (its own cookies and storage) so tests cannot lean on each other's sessions.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long an action, navigation or expectation may wait (ms). Generous on purpose: CI runs both test projects
    /// side by side on two cores, and a first sign-in there can outlast 15 s. Waits end as soon as their condition
    /// holds, so a healthy run never pays for it.
    /// </summary>
    public const float Patience = 60_000;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(Patience);

    private IPlaywright? _playwright;

    public BrowserApp App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (./test.sh does).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new context and page: desktop size unless told otherwise, in the given browser language.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "UTC",
            ExtraHTTPHeaders = new Dictionary<string, string>
            {
                ["X-Test-Client-Address"] = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}",
            },
        });
        context.SetDefaultTimeout(Patience);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
