using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>Phone in the agent UI: logging a call on a ticket, and working the callback queue.</summary>
public sealed class CallTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_logs_a_call_on_a_ticket_and_sees_it_in_the_conversation()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Card declined at checkout");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log a call" }).ClickAsync();
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("+1 (555) 010-4477");
        await page.GetByLabel("Minutes").FillAsync("4");
        await page.GetByLabel("Seconds").FillAsync("5");
        var recording = page.GetByLabel("Recording link (http or https)");
        await recording.FillAsync("javascript:alert(1)");
        await page.GetByLabel("Notes").FillAsync("Walked her through re-adding the card.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save call" }).ClickAsync();

        await Assertions.Expect(page.Locator("#call-recording-error")).ToHaveTextAsync("Use an http or https link to the recording.");
        await Assertions.Expect(recording).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".message.call")).ToHaveCountAsync(0);

        await recording.FillAsync("https://calls.example.com/rec/981");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save call" }).ClickAsync();

        var call = page.Locator(".message.call");
        await Assertions.Expect(call).ToContainTextAsync("Inbound call");
        await Assertions.Expect(call).ToContainTextAsync("+1 (555) 010-4477");
        await Assertions.Expect(call.Locator("[data-call-duration]")).ToHaveTextAsync("4:05");
        await Assertions.Expect(call).ToContainTextAsync("Walked her through re-adding the card.");
        await Assertions.Expect(call.GetByRole(AriaRole.Link, new() { Name = "Listen to the recording" })).ToHaveAttributeAsync("href", "https://calls.example.com/rec/981");
        await Assertions.Expect(page.Locator(".message.customer")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[role=status]").GetByText("Call logged.")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "ticket-call");
    }

    [Fact]
    public async Task A_requested_callback_appears_live_in_the_queue_is_claimed_called_back_and_shows_on_the_ticket()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Please call me about my invoice", requesterName: "Ana Customer");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/callbacks");
        await Assertions.Expect(page.GetByText("No callbacks are waiting.")).ToBeVisibleAsync();

        await RequestDueCallbackAsync(workspace, ticket.Id);
        var card = page.Locator("[data-group=due] [data-callback]");
        await Assertions.Expect(card).ToContainTextAsync("Ana Customer");
        await Assertions.Expect(card.Locator("[data-customer-window]")).ToContainTextAsync("Asia/Tokyo");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = $"#{ticket.Number} Please call me about my invoice" })).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-claimed]")).ToHaveTextAsync("Olivia Owner");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record attempt" }).ClickAsync();
        await card.GetByLabel("Outcome").SelectOptionAsync("NoAnswer");
        await Assertions.Expect(card.GetByLabel("Minutes")).ToHaveCountAsync(0);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save attempt" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("1 · No answer");

        await card.GetByRole(AriaRole.Button, new() { Name = "Record attempt" }).ClickAsync();
        await card.GetByLabel("Minutes").FillAsync("3");
        await card.GetByLabel("Notes").FillAsync("Sorted out the duplicate invoice.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save attempt" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-callback]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No callbacks are waiting.")).ToBeVisibleAsync();

        await page.GotoAsync($"/tickets/{ticket.Number}");
        await page.WaitForInteractiveAsync();
        var calls = page.Locator(".message.call");
        await Assertions.Expect(calls).ToHaveCountAsync(2);
        // The reached call lasted three minutes, so it began before the unanswered one was logged: the timeline says so.
        await Assertions.Expect(calls.Filter(new() { HasText = "Not answered" })).ToHaveCountAsync(1);
        await Assertions.Expect(calls.Filter(new() { HasText = "Sorted out the duplicate invoice." }).Locator("[data-call-duration]")).ToHaveTextAsync("3:00");
        await Assertions.Expect(page.Locator(".event").Last).ToContainTextAsync("Olivia Owner called the customer back");
        await Assertions.Expect(page.Locator(".ticket-callbacks")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_agent_without_the_phone_skill_reads_a_tickets_callback_but_gets_no_queue_and_no_actions()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Call me back please");
        await RequestDueCallbackAsync(workspace, ticket.Id);
        var writer = await workspace.ColleagueAsync("Bruno");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(writer.Email, writer.Password, $"/tickets/{ticket.Number}");

        var card = page.Locator(".ticket-callbacks [data-callback]");
        await Assertions.Expect(card.Locator("[data-customer-window]")).ToContainTextAsync("Asia/Tokyo");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".rail").GetByRole(AriaRole.Link, new() { Name = "Callbacks", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("/callbacks");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-not-phone]")).ToHaveTextAsync("Callbacks are made by agents with the phone skill and by leads.");
        await Assertions.Expect(page.Locator("[data-callback]")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_phone_screens_pass_axe_and_never_scroll_sideways(int width, int height)
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("Call me back about the outage on our main site, everything is down");
        await RequestDueCallbackAsync(workspace, ticket.Id);
        var suffix = width < 500 ? "-phone" : "";
        var page = await browser.NewPageAsync(width, height);
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{ticket.Number}");

        await Assertions.Expect(page.Locator(".ticket-callbacks [data-callback]")).ToContainTextAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log a call" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save call" }).ClickAsync();
        await Assertions.Expect(page.Locator("#call-from-error")).ToBeVisibleAsync();
        await page.AssertCleanAsync("ticket-phone-form" + suffix);

        await page.GotoAsync("/callbacks");
        await page.WaitForInteractiveAsync();
        var card = page.Locator("[data-callback]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record attempt" }).ClickAsync();
        await Assertions.Expect(card.GetByLabel("Minutes")).ToBeVisibleAsync();
        await page.AssertCleanAsync("callbacks" + suffix);

        // The queue is reachable and workable by keyboard alone: the rail link, then the card's first action.
        await page.GotoAsync($"/tickets/{ticket.Number}");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Callbacks", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/callbacks", StringComparison.Ordinal));
        await card.GetByRole(AriaRole.Button, new() { Name = "Claim" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(card.Locator("[data-claimed]")).ToHaveTextAsync("Olivia Owner");
    }

    /// <summary>A customer in Tokyo asks to be called from ten minutes ago until an hour from now: due at once.</summary>
    private static async Task RequestDueCallbackAsync(BrowserWorkspace workspace, Guid ticketId)
    {
        var tokyo = TimeSpan.FromHours(9);
        string Local(DateTimeOffset at) => at.ToOffset(tokyo).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var response = await workspace.Api.PostAsJsonAsync("/api/v1/callbacks", new
        {
            ticketId,
            phone = "+81 3 1234 5678",
            windowStart = Local(now.AddMinutes(-10)),
            windowEnd = Local(now.AddHours(1)),
            timeZone = "Asia/Tokyo",
            notes = "After lunch is best.",
        }, Seed.Json);
        await Seed.ReadAsync<JsonElement>(response, HttpStatusCode.Created);
    }
}
