using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class KeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_works_a_queue_by_keyboard_alone()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var first = await workspace.TicketAsync("First in line", urgency: "critical");
        var second = await workspace.TicketAsync("Second in line", urgency: "critical");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");
        await Assertions.Expect(page.Locator(".ticket-row")).ToHaveCountAsync(2);
        // The rows are prerendered; keys work once the live list has taken over.
        await page.Locator("ol[data-live=true]").WaitForAsync();

        await page.Keyboard.PressAsync("j");
        await page.WaitForURLAsync($"**/tickets/{first.Number}");
        await page.Keyboard.PressAsync("j");
        await page.WaitForURLAsync($"**/tickets/{second.Number}");
        await page.Keyboard.PressAsync("k");
        await page.WaitForURLAsync($"**/tickets/{first.Number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "First in line" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.GetByLabel("Assignee")).ToHaveValueAsync(workspace.OwnerAgentId.ToString());

        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.GetByLabel("Your internal note (only agents see it)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Known issue, fixed in 4.2.");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.GetByLabel("Your reply to the customer")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Solved");

        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToContainTextAsync("Assign the ticket to me");
        await Artifacts.ScreenshotAsync(page, "keyboard-help");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToHaveCountAsync(0);

    }
}
