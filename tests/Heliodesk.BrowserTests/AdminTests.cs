using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>The admin pages: what an owner does there, what a plain agent cannot do, and axe on each page.</summary>
public sealed class AdminTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] AdminPaths =
        ["/admin/agents", "/admin/teams", "/admin/workspace", "/admin/regions", "/admin/tokens", "/admin/mailboxes", "/admin/webhooks", "/admin/dev-mailbox"];

    [Fact]
    public async Task An_admin_invites_an_agent_sets_her_languages_and_tier_and_she_signs_in_with_the_password_shown_once()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/agents");
        var email = $"marta-{Guid.NewGuid():N}@browser.test";

        await page.GetByRole(AriaRole.Button, new() { Name = "Invite an agent" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Marta Díaz");
        await page.GetByLabel("Languages").FillAsync("es, !!");
        await page.GetByLabel("Tier").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        // The API's own rule, next to its box, and nothing was created.
        await Assertions.Expect(page.Locator("#invite-languages-error")).ToContainTextAsync("!!");
        await Assertions.Expect(page.GetByLabel("Languages")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Languages").FillAsync("es-mx, en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        var password = await page.Locator("#invited-password").InputValueAsync();
        Assert.True(password.Length >= 10, password);
        var row = page.Locator($"[data-agent='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("Tier 2");
        await Assertions.Expect(row).ToContainTextAsync("es-MX, en");
        await Artifacts.ScreenshotAsync(page, "admin-agents");

        await row.GetByRole(AriaRole.Button, new() { Name = "Edit Marta Díaz" }).ClickAsync();
        await page.GetByLabel("Skills").FillAsync("Billing, api-errors");
        await page.GetByLabel("Tier").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("billing, api-errors");
        await Assertions.Expect(row).ToContainTextAsync("Tier 3");

        var marta = await browser.NewPageAsync();
        await marta.SignInAsync(email, password, "/inbox/my-open");
        await Assertions.Expect(marta.GetByRole(AriaRole.Heading, new() { Name = "Admin" })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Deactivated");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Reactivate" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_owner_rules_show_as_a_clear_message()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/agents");
        var owner = page.Locator($"[data-agent='{workspace.OwnerEmail}']");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Alert)).ToContainTextAsync("You cannot deactivate yourself");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Edit Olivia Owner" }).ClickAsync();
        await page.GetByLabel("Role").SelectOptionAsync("Admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id$='-role-error']")).ToContainTextAsync("at least one active owner");
    }

    [Fact]
    public async Task An_admin_creates_a_team_revokes_an_API_token_and_edits_the_workspace()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/teams");

        await page.GetByLabel("Team name").FillAsync("Billing EMEA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        var team = page.Locator("[data-team='Billing EMEA']");
        await Assertions.Expect(team).ToContainTextAsync("0 member(s)");
        await team.GetByRole(AriaRole.Button, new() { Name = "Edit team Billing EMEA" }).ClickAsync();
        await page.GetByLabel("Team name").Nth(1).FillAsync("Billing Europe");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Olivia Owner" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-team='Billing Europe']")).ToContainTextAsync("1 member(s)");

        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await page.GetByLabel("Token name").FillAsync("CRM sync");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await page.Locator("#new-token").InputValueAsync();
        Assert.StartsWith("hd_", token);
        using var api = browser.App.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke CRM sync" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke now" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-token='CRM sync']")).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "Workspace settings" }).ClickAsync();
        await page.GetByLabel("Workspace name").FillAsync("Acme Support");
        await page.GetByLabel("Default language").FillAsync("es");
        await page.GetByLabel("Default time zone").SelectOptionAsync("Europe/Madrid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        var saved = await workspace.Api.GetFromJsonAsync<JsonElement>("/api/v1/workspace");
        Assert.Equal("Acme Support", saved.GetProperty("name").GetString());
        Assert.Equal("es", saved.GetProperty("defaultLanguage").GetString());
        Assert.Equal("Europe/Madrid", saved.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task An_admin_subscribes_a_webhook_sees_its_secret_once_and_connects_a_mailbox()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/webhooks");

        await page.GetByLabel("Name").FillAsync("CRM");
        await page.GetByLabel("URL").FillAsync("http://127.0.0.1/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        await Assertions.Expect(page.Locator("#webhook-url-error")).ToContainTextAsync("https");

        await page.GetByLabel("URL").FillAsync("https://crm.example.com/hooks/heliodesk");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "message.created" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        Assert.NotEmpty(await page.Locator("#webhook-secret").InputValueAsync());
        var hook = page.Locator("[data-webhook='CRM']");
        await Assertions.Expect(hook).ToContainTextAsync("ticket.created, ticket.updated, ticket.solved");
        await hook.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(hook).ToContainTextAsync("Disabled");
        var hooks = await workspace.Api.GetFromJsonAsync<JsonElement>("/api/v1/webhooks");
        Assert.False(hooks[0].GetProperty("active").GetBoolean());

        await page.GetByRole(AriaRole.Link, new() { Name = "Mailboxes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect a mailbox" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Support");
        await page.GetByLabel("Address").FillAsync("support@acme.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var mailbox = page.Locator("[data-mailbox='support@acme.example']");
        await Assertions.Expect(mailbox).ToContainTextAsync("None: mail is captured in the dev mailbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dev mailbox" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_plain_agent_neither_sees_the_admin_section_nor_opens_an_admin_page()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var (email, password) = await workspace.ColleagueAsync("Pat");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, password, "/inbox/my-open");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My open" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "API tokens" })).ToHaveCountAsync(0);

        foreach (var path in AdminPaths)
        {
            // The server refuses before rendering anything: the browser lands on the sign-in page.
            await page.GotoAsync(path);
            Assert.True(new Uri(page.Url).AbsolutePath == "/sign-in", $"{path} ended at {page.Url}");
            await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Agents|Teams|Workspace|Regions|API tokens|Mailboxes|Webhooks|Dev mailbox"));
        }
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Every_admin_page_passes_axe_and_never_scrolls_sideways(int width, int height)
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.ColleagueAsync("Lena");
        var page = await browser.NewPageAsync(width, height);
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/agents");
        foreach (var path in AdminPaths)
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            var name = path.Replace("/admin/", "admin-", StringComparison.Ordinal) + (width < 500 ? "-phone" : "");
            await page.AssertCleanAsync(name);
        }
    }
}
