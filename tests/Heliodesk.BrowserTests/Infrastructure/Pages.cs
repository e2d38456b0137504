using System.Text.Json;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests.Infrastructure;

/// <summary>What a person does in the browser, said once so the tests read as intentions.</summary>
public static class Pages
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe.min.js"));

    public static async Task SignInAsync(this IPage page, string email, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Email").Or(page.Locator("#email")).First.FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the server circuit is connected, so clicks reach event handlers.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>axe-core's serious and critical violations on the current page, as readable lines.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeScript });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    /// <summary>Keeps a screenshot of the page, then fails on any serious axe violation or sideways scrolling.</summary>
    public static async Task AssertCleanAsync(this IPage page, string name)
    {
        await Artifacts.ScreenshotAsync(page, name);
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{name}: {string.Join("; ", violations)}");
        Assert.False(await page.ScrollsSidewaysAsync(), $"{name} scrolls sideways");
    }

    /// <summary>True when the page is wider than the viewport (the phone layout must never scroll sideways).</summary>
    public static Task<bool> ScrollsSidewaysAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
}
