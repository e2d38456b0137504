using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class TicketPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_opens_a_ticket_replies_and_sets_it_pending()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.TicketAsync("Invoices will not export", body: "The export button does nothing.");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");

        await page.GetByRole(AriaRole.Link, new() { Name = "Invoices will not export" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.customer")).ToContainTextAsync("The export button does nothing.");
        await page.GetByLabel("Your reply to the customer").FillAsync("Thanks Ana, a fix is on its way.");
        await page.GetByLabel("Then set status").SelectOptionAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and set Pending" }).ClickAsync();

        await Assertions.Expect(page.Locator(".message.reply")).ToContainTextAsync("Thanks Ana, a fix is on its way.");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Pending");
        await Assertions.Expect(page.Locator(".event").Last).ToContainTextAsync("set the status to Pending");
        await Assertions.Expect(page.GetByLabel("Your reply to the customer")).ToBeEmptyAsync();
        await Artifacts.ScreenshotAsync(page, "ticket");
    }

    [Fact]
    public async Task An_internal_note_is_shown_apart_from_replies_and_reaches_a_colleague_live()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Refund for order 1042");
        var colleague = await workspace.ColleagueAsync("Bruno");
        var mine = await browser.NewPageAsync();
        var theirs = await browser.NewPageAsync();
        await mine.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");
        await theirs.SignInAsync(colleague.Email, colleague.Password, $"/tickets/{ticket.Number}");
        await Assertions.Expect(mine.Locator(".presence")).ToContainTextAsync("Bruno is viewing");

        await theirs.GetByRole(AriaRole.Tab, new() { Name = "Internal note" }).ClickAsync();
        await theirs.GetByLabel("Your internal note (only agents see it)").FillAsync("Refund approved by finance.");
        await Assertions.Expect(mine.Locator(".presence")).ToContainTextAsync("Bruno is typing");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        var note = mine.Locator(".message.note");
        await Assertions.Expect(note).ToContainTextAsync("Refund approved by finance.");
        await Assertions.Expect(note).ToContainTextAsync("Internal note");
        await Assertions.Expect(mine.Locator(".message.reply")).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(mine, "ticket-note");
    }

    [Fact]
    public async Task A_reply_written_while_a_colleague_answered_warns_and_sends_only_when_confirmed()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Password reset link expired");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");
        await page.GetByLabel("Your reply to the customer").FillAsync("Here is a new link.");

        await workspace.CustomerWritesAsync(ticket.Id, "Never mind, it works now!");
        await Assertions.Expect(page.Locator(".message.customer").Last).ToContainTextAsync("Never mind");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var warning = page.Locator("[data-conflict]");
        await Assertions.Expect(warning).ToContainTextAsync("changed while you were writing");
        await Assertions.Expect(page.Locator(".message.reply")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Your reply to the customer")).ToHaveValueAsync("Here is a new link.");

        await warning.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.reply")).ToContainTextAsync("Here is a new link.");
        await Assertions.Expect(warning).ToHaveCountAsync(0);
    }
}
