using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class MacroTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_applies_a_macro_from_the_composer_by_keyboard_and_sends_it()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Where is my refund?", requesterName: "Ana Customer");
        await Seed.ReadAsync<JsonElement>(await workspace.Api.PostAsJsonAsync("/api/v1/macros", new
        {
            name = "Refund on its way",
            shared = true,
            bodies = new[] { new { language = "en", text = "Hi {{customer.first_name}}, the refund for #{{ticket.number}} is on its way." } },
            actions = new { status = "pending", addTags = new[] { "refund" } },
        }, Seed.Json), HttpStatusCode.Created);
        await Seed.ReadAsync<JsonElement>(await workspace.Api.PostAsJsonAsync("/api/v1/macros", new
        {
            name = "Escalate to urgent",
            shared = true,
            actions = new { priority = "urgent" },
        }, Seed.Json), HttpStatusCode.Created);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insert macro" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Type to filter macros").FillAsync("refund");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");

        var body = page.GetByLabel("Your reply to the customer");
        await Assertions.Expect(body).ToHaveValueAsync($"Hi Ana, the refund for #{ticket.Number} is on its way.");
        await Assertions.Expect(body).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send and set Pending" }).ClickAsync();

        await Assertions.Expect(page.Locator(".message.reply")).ToContainTextAsync("the refund for");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Pending");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("refund");

        // A macro with only actions applies at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert macro" }).ClickAsync();
        await page.GetByLabel("Type to filter macros").FillAsync("urgent");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".badge.priority-urgent")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "ticket-macro");
    }

    [Fact]
    public async Task An_agent_uploads_a_file_from_the_composer_and_sends_it_with_the_reply()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Need the invoice as PDF");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");

        await page.GetByLabel("Attach files").SetInputFilesAsync(new FilePayload { Name = "invoice-1042.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 test"u8.ToArray() });
        var chip = page.Locator("[data-upload]");
        await Assertions.Expect(chip).ToContainTextAsync("invoice-1042.pdf");
        await page.GetByLabel("Your reply to the customer").FillAsync("Here is your invoice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var reply = page.Locator(".message.reply");
        await Assertions.Expect(reply.GetByRole(AriaRole.Link, new() { Name = "invoice-1042.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(chip).ToHaveCountAsync(0);
    }
}
