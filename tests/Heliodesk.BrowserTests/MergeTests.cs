using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class MergeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_merges_a_duplicate_into_the_customers_other_ticket()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var original = await workspace.TicketAsync("Cannot log in", body: "Login says my password is wrong.");
        var duplicate = await workspace.TicketAsync("Login still broken", body: "Tried again this morning.");
        await workspace.TicketAsync("Someone else's ticket", requesterEmail: "bob@example.com", requesterName: "Bob");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{duplicate.Number}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Merge into…" }).ClickAsync();
        var candidates = page.GetByRole(AriaRole.Radio);
        await Assertions.Expect(candidates).ToHaveCountAsync(1);
        await page.GetByLabel($"#{original.Number} Cannot log in").CheckAsync();
        await page.Locator("#merge-confirm").ClickAsync();

        await page.WaitForURLAsync($"**/tickets/{original.Number}");
        var messages = page.Locator(".message.customer");
        await Assertions.Expect(messages).ToHaveCountAsync(2);
        await Assertions.Expect(messages.Last).ToContainTextAsync("Tried again this morning.");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync($"merged ticket #{duplicate.Number} into this one");

        await page.GotoAsync($"/tickets/{duplicate.Number}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.Locator("[data-merged-into]")).ToContainTextAsync($"Merged into #{original.Number}");
    }
}
