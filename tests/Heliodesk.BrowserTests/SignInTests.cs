using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_signs_in_sees_their_work_and_signs_out()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await workspace.TicketAsync("Invoices will not export");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/inbox/all-open");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "sign-in");
        await page.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, page.Url);

        Assert.EndsWith("/inbox/all-open", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Invoices will not export" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in?signedOut=true");
        await page.GotoAsync("/inbox/all-open");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var workspace = await browser.App.WorkspaceAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/sign-in");
        await page.Locator("#email").FillAsync(workspace.OwnerEmail);
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("form button[type=submit]").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("incorrect");
        await page.GotoAsync("/inbox");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }
}
