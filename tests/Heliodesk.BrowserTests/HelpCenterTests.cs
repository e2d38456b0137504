using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Heliodesk.BrowserTests.Infrastructure;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.HelpCenter;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed partial class HelpCenterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_customer_submits_a_request_by_keyboard_and_sees_its_number()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var root = await RootAsync(workspace);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(root);
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-home");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Submit a request" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Lucía Pérez");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("lucia@example.com");
        await page.GetByLabel("Subject").FillAsync("Exports stopped this morning");
        await page.GetByLabel("Description").FillAsync("Every export ends with an empty file.");
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/requests/submitted?number=*");
        await Assertions.Expect(page.GetByText("Your request number is #1.")).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-confirmation");
    }

    [Fact]
    public async Task A_form_with_mistakes_comes_back_with_messages_and_what_was_typed()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(await RootAsync(workspace) + "/requests/new");
        await page.GetByLabel("Your name").FillAsync("Sam");
        await page.GetByLabel("Subject").FillAsync("Typed once");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter an email address");
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Typed once");
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
    }

    [Fact]
    public async Task A_customer_signs_in_with_the_emailed_link_and_replies()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var root = await RootAsync(workspace);
        var ticket = await workspace.TicketAsync("Invoices will not export", requesterEmail: "ana@example.com");
        await workspace.Api.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Could you send a screenshot?", kind = "reply" }, Seed.Json);
        await workspace.Api.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Internal: check the exporter logs", kind = "note" }, Seed.Json);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(root + "/sign-in");
        await page.GetByLabel("Email address").FillAsync("ana@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("on its way");
        await page.GotoAsync(await MailedLinkAsync(workspace, "ana@example.com"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync("**/requests");
        await Artifacts.ScreenshotAsync(page, "help-center-my-requests");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invoices will not export" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Could you send a screenshot?")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("exporter logs")).ToHaveCountAsync(0);
        await page.GetByLabel("Your message").FillAsync("Here it is: the button stays grey.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply was sent.");
        await Assertions.Expect(page.GetByText("Here it is: the button stays grey.")).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-request-page");
    }

    [Fact]
    public async Task A_spanish_browser_gets_the_help_center_in_spanish_and_can_switch()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync(locale: "es-ES");

        await page.GotoAsync(await RootAsync(workspace) + "/requests/new");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enviar una solicitud" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Su negocio está detenido: nadie puede trabajar.")).ToBeVisibleAsync();
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-es");

        await page.GetByLabel("Idioma").SelectOptionAsync("zh-Hans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambiar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提交请求" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_form_fits_the_screen()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync(390, 844);

        await page.GotoAsync(await RootAsync(workspace) + "/requests/new");
        Assert.False(await page.ScrollsSidewaysAsync());
        await page.GetByLabel("Please call me back").CheckAsync();
        Assert.False(await page.ScrollsSidewaysAsync());
        await Artifacts.ScreenshotAsync(page, "help-center-phone");
        await page.GotoAsync(await RootAsync(workspace));
        Assert.False(await page.ScrollsSidewaysAsync());
    }

    private static async Task<string> RootAsync(BrowserWorkspace workspace) =>
        (await Seed.ReadAsync<HelpCenterSettings>(await workspace.Api.GetAsync("/api/v1/help-center"), HttpStatusCode.OK)).Path;

    /// <summary>The outbox sends in the background: wait for the mail to reach the dev mailbox, as a person waits for their inbox.</summary>
    private static async Task<string> MailedLinkAsync(BrowserWorkspace workspace, string email)
    {
        for (var attempt = 0; attempt < BrowserFixture.Patience / 100; attempt++)
        {
            var page = await Seed.ReadAsync<CapturedEmailPage>(await workspace.Api.GetAsync($"/api/v1/dev-mailbox?to={email}"), HttpStatusCode.OK);
            if (page.Items.Count > 0)
            {
                var mail = await Seed.ReadAsync<CapturedEmail>(await workspace.Api.GetAsync($"/api/v1/dev-mailbox/{page.Items[0].Id}"), HttpStatusCode.OK);
                return Link().Match(mail.Text!).Value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No sign-in mail reached {email} within {BrowserFixture.Patience / 1000} s.");
    }

    [GeneratedRegex(@"https?://\S+/sign-in/link\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}
