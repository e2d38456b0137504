using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>axe-core finds no serious or critical violation on the main pages, on a desktop and on a phone.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_main_pages_pass_axe_and_never_scroll_sideways(int width, int height)
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Cannot log in after the update, the page keeps reloading forever", urgency: "high");
        await workspace.CustomerWritesAsync(ticket.Id, "Still broken this morning.");
        var page = await browser.NewPageAsync(width, height);
        var suffix = width < 500 ? "-phone" : "";

        await page.GotoAsync("/sign-in");
        await page.AssertCleanAsync("sign-in" + suffix);
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");
        await Assertions.Expect(page.Locator(".ticket-row")).ToHaveCountAsync(1);
        await page.AssertCleanAsync("inbox" + suffix);

        await page.GotoAsync($"/tickets/{ticket.Number}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".message.customer")).ToHaveCountAsync(2);
        await page.AssertCleanAsync("ticket" + suffix);

        await page.GotoAsync("/views/new");
        await page.WaitForInteractiveAsync();
        await page.AssertCleanAsync("view-editor" + suffix);

        await page.GotoAsync("/settings");
        await page.WaitForInteractiveAsync();
        await page.AssertCleanAsync("settings" + suffix);
    }
}
