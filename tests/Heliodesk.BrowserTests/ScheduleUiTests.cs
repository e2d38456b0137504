using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>Follow the sun in the agent UI: a lead plans a schedule, the week reads right across DST, an admin shapes the regions.</summary>
public sealed class ScheduleUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lead_plans_an_agents_week_and_time_off_on_a_phone_and_the_agent_sees_her_next_shift()
    {
        var workspace = await browser.App.WorkspaceAsync();
        (await workspace.Api.PostAsync("/api/v1/regions/defaults", null)).EnsureSuccessStatusCode();
        var rosa = await AgentAsync(workspace, "Rosa", "EMEA", "Europe/London");
        await AgentAsync(workspace, "Sam", "EMEA", "Europe/London");
        // The owner reads the week in UTC (a new owner's zone); London's dates are the same days.
        var monday = DateTime.UtcNow.Date.AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        var (wednesday, thursday) = (monday.AddDays(2).ToString("yyyy-MM-dd"), monday.AddDays(3).ToString("yyyy-MM-dd"));
        var page = await browser.NewPageAsync(390, 844);
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/routing/schedules?region=EMEA");

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the schedule of Rosa" }).ClickAsync();
        var editor = page.Locator("[data-editor=Rosa]");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add a shift" }).ClickAsync();
        await editor.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Wednesday");
        await editor.GetByLabel("Start", new() { Exact = true }).FillAsync("08:00");
        await editor.GetByLabel("End", new() { Exact = true }).FillAsync("16:00");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save pattern" }).ClickAsync();
        var wednesdayShift = page.Locator($"[data-day='{wednesday}'] [data-shift][data-agent=Rosa]");
        await Assertions.Expect(wednesdayShift.Locator("[data-time]")).ToHaveTextAsync("08:00–16:00");

        await editor.GetByLabel("First day off").FillAsync(wednesday);
        await editor.GetByLabel("Last day off").FillAsync(wednesday);
        await editor.GetByLabel("Note").FillAsync("Dentist");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add time off" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-day='{wednesday}'] [data-off=timeoff][data-agent=Rosa]")).ToContainTextAsync("Dentist");
        await Assertions.Expect(wednesdayShift).ToHaveCountAsync(0);

        // ScheduleApi's own rule, next to its box: there is nothing to swap on a day without a shift.
        await editor.GetByLabel("Date (agent's calendar)").FillAsync(thursday);
        await editor.GetByLabel("Colleague who takes them").SelectOptionAsync(new SelectOptionValue { Label = "Sam" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Swap", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#swap-date-error")).ToContainTextAsync("no shift");
        await Assertions.Expect(editor.GetByLabel("Date (agent's calendar)")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertCleanAsync("schedules-editor-phone");

        // Next Wednesday has a shift: Sam takes it as an extra shift, Rosa has the day off.
        var nextWednesday = monday.AddDays(9).ToString("yyyy-MM-dd");
        await editor.GetByLabel("Date (agent's calendar)").FillAsync(nextWednesday);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Swap", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#swap-date-error")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        var covered = page.Locator($"[data-day='{nextWednesday}'] [data-shift][data-agent=Sam]");
        await Assertions.Expect(covered).ToContainTextAsync("Extra shift");
        await Assertions.Expect(covered).ToContainTextAsync("Swap with Rosa");
        await Assertions.Expect(page.Locator($"[data-day='{nextWednesday}'] [data-off=timeoff][data-agent=Rosa]")).ToContainTextAsync("Swap with Sam");

        var saved = await Seed.ReadAsync<JsonElement>(await workspace.Api.GetAsync($"/api/v1/agents/{rosa.Id}/schedule"), HttpStatusCode.OK);
        Assert.Equal("08:00", saved.GetProperty("shifts")[0].GetProperty("start").GetString());
        Assert.Equal(wednesday, saved.GetProperty("timeOff")[0].GetProperty("first").GetString());

        var agentPage = await browser.NewPageAsync(390, 844);
        await agentPage.SignInAsync(rosa.Email, rosa.Password, "/routing/schedules");
        // This week's Wednesday is time off and next week's was swapped away: the next shift is the one after.
        await Assertions.Expect(agentPage.Locator("[data-next]")).ToContainTextAsync("08:00");
        await Assertions.Expect(agentPage.GetByRole(AriaRole.Button, new() { Name = "Plan the schedule of Rosa" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_week_across_New_Yorks_DST_change_shows_the_real_local_times()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var nora = await AgentAsync(workspace, "Nora", "AMER", "America/New_York");
        var shifts = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(day => new { day, start = "09:00", end = "17:00" });
        (await workspace.Api.PutAsJsonAsync($"/api/v1/agents/{nora.Id}/schedule", new { shifts }, Seed.Json)).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/routing/schedules?week=2027-W10");

        // Clocks go forward on Sunday 14 March 2027: nine in New York is 14:00 UTC on Saturday, 13:00 on Sunday.
        await Assertions.Expect(Shift(page, "2027-03-13", "[data-time]")).ToHaveTextAsync("14:00–22:00");
        await Assertions.Expect(Shift(page, "2027-03-14", "[data-time]")).ToHaveTextAsync("13:00–21:00");
        await Assertions.Expect(Shift(page, "2027-03-14", "[data-own-time]")).ToContainTextAsync("09:00–17:00");
        await Artifacts.ScreenshotAsync(page, "schedules-dst");

        await page.GetByLabel("Show times in").SelectOptionAsync(new SelectOptionValue { Label = "Each agent's own zone" });
        await Assertions.Expect(Shift(page, "2027-03-13", "[data-time]")).ToHaveTextAsync("09:00–17:00");
        await Assertions.Expect(Shift(page, "2027-03-14", "[data-time]")).ToHaveTextAsync("09:00–17:00");
        await page.GetByLabel("Show times in").SelectOptionAsync(new SelectOptionValue { Label = "My zone (UTC)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-week]")).ToHaveAttributeAsync("data-week", "2027-W11");
        await Assertions.Expect(Shift(page, "2027-03-15", "[data-time]")).ToHaveTextAsync("13:00–21:00");
    }

    [Fact]
    public async Task An_admin_adds_the_default_regions_edits_one_with_its_digest_webhook_and_deletes_another()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/admin/regions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add AMER, EMEA and APAC" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-region]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-region=EMEA] [data-local-time]")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit region EMEA" }).ClickAsync();
        await page.Locator("#region-emea-zone").SelectOptionAsync("Europe/Vilnius");
        await page.Locator("#region-emea-holidays").FillAsync("Christmas Eve");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#region-emea-holidays-error")).ToContainTextAsync("not a holiday line");
        await page.Locator("#region-emea-holidays").FillAsync("2026-12-24 Christmas Eve");
        await page.Locator("#region-emea-url").FillAsync("http://127.0.0.1/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#region-emea-url-error")).ToContainTextAsync("https");
        await page.Locator("#region-emea-url").FillAsync("https://hooks.example.com/services/T1/B2/wxyz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var emea = page.Locator("[data-region=EMEA]");
        await Assertions.Expect(emea.Locator("[data-zone]")).ToHaveTextAsync("Europe/Vilnius");
        await Assertions.Expect(emea.Locator("[data-webhook]")).ToHaveTextAsync("https://hooks.example.com/…wxyz");
        await Assertions.Expect(emea).ToContainTextAsync("2026-12-24 Christmas Eve");
        var regions = await Seed.ReadAsync<JsonElement>(await workspace.Api.GetAsync("/api/v1/regions"), HttpStatusCode.OK);
        var saved = regions.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "EMEA");
        Assert.Equal("Europe/Vilnius", saved.GetProperty("timeZone").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit region APAC" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete APAC" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-region]")).ToHaveCountAsync(2);

        await page.GetByLabel("Region name").FillAsync("LATAM");
        await page.Locator("#region-zone").SelectOptionAsync("America/Sao_Paulo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add region" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-region=LATAM] [data-zone]")).ToHaveTextAsync("America/Sao_Paulo");
        await page.GetByLabel("Region name").FillAsync("EMEA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add region" }).ClickAsync();
        await Assertions.Expect(page.Locator("#region-name-error")).ToContainTextAsync("already a region EMEA");
        await Artifacts.ScreenshotAsync(page, "admin-regions-edited");
    }

    private sealed record ScheduledAgent(Guid Id, string Email, string Password);

    private static ILocator Shift(IPage page, string day, string part) => page.Locator($"[data-day='{day}'] [data-shift] {part}");

    private static async Task<ScheduledAgent> AgentAsync(BrowserWorkspace workspace, string name, string region, string timeZone)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@browser.test";
        var invited = await Seed.ReadAsync<JsonElement>(
            await workspace.Api.PostAsJsonAsync("/api/v1/agents", new { email, name, role = "agent", languages = new[] { "en" }, region, timeZone }, Seed.Json), HttpStatusCode.Created);
        return new ScheduledAgent(invited.GetProperty("agent").GetProperty("id").GetGuid(), email, invited.GetProperty("temporaryPassword").GetString()!);
    }
}
