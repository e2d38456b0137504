using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>A lead opens the coverage grid: gaps against the minimum are highlighted, and the forecast sits beside it.</summary>
public sealed class CoverageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task A_lead_sees_a_highlighted_gap_and_next_weeks_forecast_on_any_screen(int width, int height)
    {
        var workspace = await browser.App.WorkspaceAsync();
        var api = workspace.Api;
        (await api.PutAsJsonAsync("/api/v1/regions/EMEA", new { timeZone = "Europe/London" }, Seed.Json)).EnsureSuccessStatusCode();
        var agent = await Seed.ReadAsync<JsonElement>(await api.PostAsJsonAsync("/api/v1/agents",
            new { email = $"lucia-{Guid.NewGuid():N}@browser.test", name = "Lucía", role = "agent", region = "EMEA", languages = new[] { "es" }, timeZone = "Europe/London" }, Seed.Json), HttpStatusCode.Created);
        var agentId = agent.GetProperty("agent").GetProperty("id").GetGuid();
        var shifts = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "09:00", end = "17:00" });
        (await api.PutAsJsonAsync($"/api/v1/agents/{agentId}/schedule", new { shifts }, Seed.Json)).EnsureSuccessStatusCode();
        await Seed.ReadAsync<JsonElement>(await api.PostAsJsonAsync("/api/v1/staffing/minimums", new { rule = "daily 00-24 need 2 agents in EMEA" }, Seed.Json), HttpStatusCode.Created);
        // Arrivals this hour are what the forecast expects in the same hour next week.
        for (var i = 0; i < 3; i++)
        {
            await workspace.TicketAsync($"Pregunta {i}", body: "¿Dónde está mi factura?");
        }

        var page = await browser.NewPageAsync(width, height);
        var suffix = width < 500 ? "-phone" : "";
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/staffing/coverage");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coverage", Level = 1 })).ToBeVisibleAsync();

        var minimum = page.GetByRole(AriaRole.Table).First;
        await Assertions.Expect(minimum.Locator("td.gap").First).ToContainTextAsync("short by");
        await page.AssertCleanAsync("coverage" + suffix);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        var forecast = page.GetByRole(AriaRole.Table).Nth(1);
        await Assertions.Expect(forecast.Locator("caption")).ToContainTextAsync("agents needed");
        await Assertions.Expect(forecast.Locator("td.gap").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.needs li", new() { HasText = "(forecast)" }).First).ToBeVisibleAsync();
        await page.AssertCleanAsync("coverage-forecast" + suffix);
    }
}
