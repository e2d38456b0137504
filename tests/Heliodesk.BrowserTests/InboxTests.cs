using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class InboxTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_ticket_that_arrives_appears_in_the_open_view_and_its_count_without_a_reload()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.TicketAsync("Already waiting");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");
        await Assertions.Expect(page.Locator("[data-count=all-open] [aria-hidden]")).ToHaveTextAsync("1");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await workspace.TicketAsync("Site is down for everyone", urgency: "critical");

        var row = page.Locator(".ticket-row").First;
        await Assertions.Expect(row).ToContainTextAsync("Site is down for everyone");
        await Assertions.Expect(row).ToContainTextAsync("Urgent");
        await Assertions.Expect(page.Locator("[data-count=all-open] [aria-hidden]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-count=unassigned] [aria-hidden]")).ToHaveTextAsync("2");
        Assert.Equal(0, navigations);
        await Artifacts.ScreenshotAsync(page, "inbox");
    }

    [Fact]
    public async Task An_agent_saves_a_filtered_view_that_lists_only_matching_tickets()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.TicketAsync("Checkout is broken", urgency: "critical");
        await workspace.TicketAsync("Question about invoices", urgency: "low");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "+ New view" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Fires");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Urgent" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fires" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ticket-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".ticket-row")).ToContainTextAsync("Checkout is broken");
        await Assertions.Expect(page.Locator(".rail").GetByRole(AriaRole.Link, new() { Name = "Fires" })).ToContainTextAsync("1");
    }

    [Fact]
    public async Task The_inbox_fits_a_phone_screen_without_sideways_scrolling()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.TicketAsync("A rather long subject line that goes on about an export that never finishes on Mondays");
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");

        await Assertions.Expect(page.Locator(".ticket-row")).ToHaveCountAsync(1);
        Assert.False(await page.ScrollsSidewaysAsync());
        await Artifacts.ScreenshotAsync(page, "inbox-phone");
    }
}
