using Microsoft.Playwright;

namespace Heliodesk.Bench;

/// <summary>
/// Debian's Chromium under Playwright, as the browser tests run it (headless, no sandbox), and the
/// in-page probe that timestamps the moments the ui scenario measures.
/// </summary>
internal sealed class UiBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Runs in every document before the page's own scripts. A MutationObserver checks after each DOM
    /// change, so the recorded times are when the DOM first held the state (before the next paint),
    /// not when a poll happened to look:
    /// - interactiveAt: ms after navigation start when the layout says the circuit is interactive
    ///   (data-interactive=true, set only by an interactive render) and the list, rendered by that
    ///   interactive render with its live subscription (data-live=true), holds a full page of rows;
    /// - seen[subject]: epoch ms when a row whose subject contains the expected text appeared.
    /// </summary>
    private const string Probe = """
        (() => {
          const probe = window.__heliodeskBench = { interactiveAt: 0, expect: null, seen: {} };
          const check = () => {
            if (!probe.interactiveAt && document.querySelectorAll(
                '.shell[data-interactive="true"] ol.ticket-list[data-live="true"] > li.ticket-row').length >= PAGE_SIZE) {
              probe.interactiveAt = performance.now();
            }
            const want = probe.expect;
            if (want && !probe.seen[want]) {
              for (const link of document.querySelectorAll('li.ticket-row a.subject')) {
                if (link.textContent.includes(want)) { probe.seen[want] = performance.timeOrigin + performance.now(); break; }
              }
            }
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    private readonly IPlaywright _playwright;

    private UiBrowser(IPlaywright playwright, IBrowser browser, Uri baseUrl)
    {
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public IBrowser Browser { get; }
    public Uri BaseUrl { get; }

    public static async Task<UiBrowser> LaunchAsync(Uri baseUrl)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium.");
        }
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        }).ConfigureAwait(false);
        return new UiBrowser(playwright, browser, baseUrl);
    }

    /// <summary>A fresh context (empty HTTP cache, its own circuit) at 1280x800, optionally with saved cookies.</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            StorageState = storageState,
        }).ConfigureAwait(false);
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(Probe.Replace("PAGE_SIZE", Scenarios.ListPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <summary>Signs in through the sign-in form and returns the session cookies for later contexts.</summary>
    public async Task<string> SignInAsync(UiAgentLogin agent)
    {
        var page = await NewPageAsync().ConfigureAwait(false);
        await page.GotoAsync("sign-in").ConfigureAwait(false);
        await page.Locator("#email").FillAsync(agent.Email).ConfigureAwait(false);
        await page.Locator("#password").FillAsync(agent.Password).ConfigureAwait(false);
        await page.Locator("form button[type=submit]").ClickAsync().ConfigureAwait(false);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal)).ConfigureAwait(false);
        var state = await page.Context.StorageStateAsync().ConfigureAwait(false);
        await page.Context.CloseAsync().ConfigureAwait(false);
        return state;
    }

    /// <summary>Milliseconds from navigation start until the probe saw the inbox interactive.</summary>
    public static async Task<double> WaitForInteractiveInboxAsync(IPage page)
    {
        var handle = await page.WaitForFunctionAsync("() => window.__heliodeskBench.interactiveAt").ConfigureAwait(false);
        return await handle.JsonValueAsync<double>().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
