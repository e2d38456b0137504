using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>The routing parts of the agent UI: the reason on a ticket, escalation, the live operations view and routing admin.</summary>
public sealed class RoutingUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_sees_why_a_ticket_was_routed_to_them_and_escalates_it_to_tier_2()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var billing = await CreateAsync(workspace, "/api/v1/queues", new { name = "Billing", skills = new[] { "billing" } });
        await CreateAsync(workspace, "/api/v1/routing-rules", new { name = "Everything", queueId = billing.GetProperty("id").GetGuid() });
        var lina = await AgentAsync(workspace, "Lina", languages: ["lt"], skills: ["billing"]);
        var ticket = await workspace.TicketAsync("Sąskaita dvigubai", body: "Gavau dvi sąskaitas.", requesterEmail: "jonas@example.lt", requesterName: "Jonas");
        (await workspace.Api.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id}", new { language = "lt" }, Seed.Json)).EnsureSuccessStatusCode();
        await lina.Api.PutAsJsonAsync("/api/v1/presence/me", new { status = "online" }, Seed.Json);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(lina.Email, lina.Password, $"/tickets/{ticket.Number}");
        await Assertions.Expect(page.Locator("[data-routing-reason]")).ToHaveTextAsync("Assigned to you: Lithuanian, Billing, T1, least loaded");
        await Assertions.Expect(page.Locator("[data-tier]")).ToHaveTextAsync("T1");
        await Artifacts.ScreenshotAsync(page, "routing-panel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        await page.GetByLabel("Reason").FillAsync("Needs a refund approval");
        await page.GetByLabel("Handoff note for the next tier (required)").FillAsync("Customer was charged twice for November; invoices attached.");
        await page.Locator(".tier-form").GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-tier]")).ToHaveTextAsync("T2");
        await Assertions.Expect(page.Locator(".message.note")).ToContainTextAsync("Handoff to T2: Customer was charged twice");
        await Assertions.Expect(page.Locator("[data-routing-reason]")).ToContainTextAsync("Waiting in queue Billing");
    }

    [Fact]
    public async Task A_lead_sees_an_agent_go_away_live_on_the_operations_view()
    {
        var workspace = await browser.App.WorkspaceAsync();
        (await workspace.Api.PostAsync("/api/v1/regions/defaults", null)).EnsureSuccessStatusCode();
        var mika = await AgentAsync(workspace, "Mika", languages: ["en"], region: "EMEA");
        await mika.Api.PutAsJsonAsync("/api/v1/presence/me", new { status = "online" }, Seed.Json);

        var lead = await browser.NewPageAsync();
        await lead.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/operations");
        var row = lead.Locator("[data-region=EMEA] [data-agent=Mika]");
        await Assertions.Expect(row.Locator("[data-agent-status]")).ToHaveTextAsync("Online");

        var agent = await browser.NewPageAsync();
        await agent.SignInAsync(mika.Email, mika.Password, "/inbox/mine");
        await agent.GetByLabel("Your status").SelectOptionAsync("Away");

        await Assertions.Expect(row.Locator("[data-agent-status]")).ToHaveTextAsync("Away");
        await Artifacts.ScreenshotAsync(lead, "operations");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Next ticket" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your queues are empty." })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_edits_a_queue_and_reorders_the_rules()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var billing = await CreateAsync(workspace, "/api/v1/queues", new { name = "Billing" });
        var general = await CreateAsync(workspace, "/api/v1/queues", new { name = "General" });
        await CreateAsync(workspace, "/api/v1/routing-rules", new { name = "Catch all", queueId = general.GetProperty("id").GetGuid() });
        await CreateAsync(workspace, "/api/v1/routing-rules", new { name = "Invoices", queueId = billing.GetProperty("id").GetGuid(), tag = "invoice" });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/routing/queues");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Billing" }).ClickAsync();
        await page.GetByLabel("Overflow after (minutes)").FillAsync("15");
        await page.GetByLabel("Strategy").SelectOptionAsync("Round robin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-queue=Billing]")).ToContainTextAsync("overflow after 15 min");
        await Assertions.Expect(page.Locator("[data-queue=Billing]")).ToContainTextAsync("Round robin");

        await page.GotoAsync("/routing/rules");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-rule]").First).ToHaveAttributeAsync("data-rule", "Catch all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Invoices up" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-rule]").First).ToHaveAttributeAsync("data-rule", "Invoices");
        var rules = await Seed.ReadAsync<JsonElement>(await workspace.Api.GetAsync("/api/v1/routing-rules"), HttpStatusCode.OK);
        Assert.Equal(["Invoices", "Catch all"], rules.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        await Artifacts.ScreenshotAsync(page, "routing-rules");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_routing_pages_pass_axe_and_never_scroll_sideways(int width, int height)
    {
        var workspace = await browser.App.WorkspaceAsync();
        (await workspace.Api.PostAsync("/api/v1/regions/defaults", null)).EnsureSuccessStatusCode();
        var queue = await CreateAsync(workspace, "/api/v1/queues", new { name = "Technical support, second line", region = "EMEA", tier = 2 });
        await CreateAsync(workspace, "/api/v1/routing-rules", new { name = "Tier 2 and up", queueId = queue.GetProperty("id").GetGuid(), minTier = 2 });
        await workspace.TicketAsync("Server returns 500 on every export");
        var page = await browser.NewPageAsync(width, height);
        var suffix = width < 500 ? "-phone" : "";
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/operations");

        foreach (var (path, name) in new[] { ("/operations", "operations"), ("/routing/queues", "queues"), ("/routing/rules", "rules"), ("/routing/presence", "presence"), ("/reports/tier-mix", "tier-mix"), ("/routing/schedules", "schedules") })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertCleanAsync(name + suffix);
        }
    }

    private sealed record RoutingAgent(Guid Id, string Email, string Password, HttpClient Api);

    private static async Task<JsonElement> CreateAsync(BrowserWorkspace workspace, string path, object body) =>
        await Seed.ReadAsync<JsonElement>(await workspace.Api.PostAsJsonAsync(path, body, Seed.Json), HttpStatusCode.Created);

    /// <summary>Invites an agent with a routing profile, and an API token acting as them.</summary>
    private async Task<RoutingAgent> AgentAsync(BrowserWorkspace workspace, string name, string[] languages, string[]? skills = null, string? region = null)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@browser.test";
        var invited = await CreateAsync(workspace, "/api/v1/agents", new { email, name, role = "agent", languages, skills = skills ?? [], region });
        var id = invited.GetProperty("agent").GetProperty("id").GetGuid();
        var token = await CreateAsync(workspace, "/api/v1/api-tokens", new { name = "Test", agentId = id });
        return new RoutingAgent(id, email, invited.GetProperty("temporaryPassword").GetString()!, browser.App.ApiClient(token.GetProperty("token").GetString()!));
    }
}
