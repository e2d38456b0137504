using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class LocalizationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_switches_the_workspace_to_Spanish_and_their_own_time_zone()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var ticket = await workspace.TicketAsync("No puedo exportar facturas");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, "/settings");

        await page.GetByLabel("Language of the workspace").SelectOptionAsync("es");
        await page.GetByLabel("Your time zone").SelectOptionAsync("Asia/Manila");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save language and time zone" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tu configuración" })).ToBeVisibleAsync();
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GotoAsync($"/tickets/{ticket.Number}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Respuesta pública" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mis abiertos" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
        var opened = page.Locator(".ticket-head time");
        await Assertions.Expect(opened).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"\(Asia/Manila\)$"));
        var utc = DateTimeOffset.Parse((await opened.GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(utc.ToOffset(TimeSpan.FromHours(8)).ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture), await opened.InnerTextAsync());
        await Artifacts.ScreenshotAsync(page, "ticket-spanish");
    }

    [Fact]
    public async Task The_sign_in_page_follows_the_browser_language_before_anyone_signs_in()
    {
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();

        var spanish = await browser.NewPageAsync(locale: "es-MX");
        await spanish.GotoAsync("/sign-in");
        await Assertions.Expect(spanish.GetByRole(AriaRole.Button, new() { Name = "Entrar" })).ToBeVisibleAsync();
    }
}
