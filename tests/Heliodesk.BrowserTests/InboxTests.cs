using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Heliodesk.Common;
using Heliodesk.Features.Routing.Tank;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_tank_ticket_carries_the_tank_badge_in_the_inbox_list()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var queue = await Seed.ReadAsync<JsonElement>(await workspace.Api.PostAsJsonAsync("/api/v1/queues", new { name = "Technical" }, Seed.Json), HttpStatusCode.Created);
        var queueId = queue.GetProperty("id").GetGuid();
        await Seed.ReadAsync<JsonElement>(await workspace.Api.PostAsJsonAsync("/api/v1/routing-rules", new { name = "All", queueId }, Seed.Json), HttpStatusCode.Created);
        (await workspace.Api.PutAsJsonAsync($"/api/v1/queues/{queueId}/tank", new { maxTouches = 1 }, Seed.Json)).EnsureSuccessStatusCode();
        var tank = await workspace.TicketAsync("Export fails again after the third fix");
        await workspace.TicketAsync("Where is my invoice?");
        await workspace.AgentRepliesAsync(tank.Id, "Could you try the export once more?");
        await workspace.AgentRepliesAsync(tank.Id, "We deployed another fix; please try again.");
        // The handoff worker's sweep, run now rather than on its timer: two touches are over the queue's limit of one.
        // It judges queued tickets only, so it is repeated until the router has queued the ticket.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await SweepMarksAsync(workspace.Id, tank.Id))
        {
            Assert.True(DateTime.UtcNow < deadline, "The tank sweep never marked the ticket.");
            await Task.Delay(100);
        }

        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/inbox/all-open");

        await Assertions.Expect(page.Locator(".ticket-row")).ToHaveCountAsync(2);
        var badge = page.Locator($".ticket-row[data-ticket='{tank.Number}'] [data-tank]");
        await Assertions.Expect(badge).ToContainTextAsync("Tank");
        await Assertions.Expect(badge).ToHaveAttributeAsync("title", "2 touches, over 1");
        await Assertions.Expect(page.Locator(".ticket-row [data-tank]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("Tank ticket: open longer than its queue usually takes, or touched many times")).ToHaveCountAsync(1);
    }

    private async Task<bool> SweepMarksAsync(Guid workspaceId, Guid ticketId)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        await scope.ServiceProvider.GetRequiredService<TankSweep>().RunAsync(DateTimeOffset.UtcNow, default);
        return (await TankMarks.ReasonsAsync(scope.ServiceProvider.GetRequiredService<Heliodesk.Data.HeliodeskDb>(), [ticketId], default)).ContainsKey(ticketId);
    }
}
