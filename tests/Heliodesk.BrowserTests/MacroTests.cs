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
    public async Task An_agent_keeps_a_personal_macro_on_my_macros_that_her_composer_offers_and_a_colleagues_does_not()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Can I change my plan?", requesterName: "Ana Customer");
        var rosa = await workspace.ColleagueAsync("Rosa");
        var bruno = await workspace.ColleagueAsync("Bruno");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(rosa.Email, rosa.Password, "/inbox/my-open");

        await page.GetByRole(AriaRole.Link, new() { Name = "My macros" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-no-macros]")).ToHaveTextAsync("You have no personal macros yet.");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rosa's sign-off");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hi {{customer.first_name}}, talk soon!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save macro" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-macro-row]")).ToContainTextAsync("Rosa's sign-off");
        await page.AssertCleanAsync("my-macros");

        await page.GotoAsync($"/tickets/{ticket.Number}");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert macro" }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option, new() { Name = "Rosa's sign-off" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your reply to the customer")).ToHaveValueAsync("Hi Ana, talk soon!");

        var colleague = await browser.NewPageAsync();
        await colleague.SignInAsync(bruno.Email, bruno.Password, $"/tickets/{ticket.Number}");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Insert macro" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await colleague.GotoAsync("/macros");
        await Assertions.Expect(colleague.Locator("[data-no-macros]")).ToBeVisibleAsync();
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
