using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Heliodesk.BrowserTests;

/// <summary>
/// A customer's web app (a page served by this test on its own localhost port, so another origin) embeds the
/// widget; an agent signed in to the workspace in a second browser context chats with the visitor.
/// </summary>
public sealed class WidgetTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_and_an_agent_chat_in_real_time_with_typing_read_state_and_messages_both_ways()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await using var host = await HostPage.StartAsync(browser.App.BaseAddress, workspace.Id);
        await Put(workspace.Api, "/api/v1/widget/settings", new { allowedOrigins = new[] { host.Origin } });
        await Put(workspace.Api, "/api/v1/presence/me", new { status = "online" });

        var visitor = await VisitorPageAsync();
        await visitor.GotoAsync(host.Url);
        var launcher = visitor.GetByRole(AriaRole.Button, new() { Name = "Open support" });
        await launcher.ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-status=online]")).ToBeVisibleAsync();
        // No knowledge base: no search box pretends to search one.
        await Assertions.Expect(visitor.GetByRole(AriaRole.Searchbox)).ToHaveCountAsync(0);
        Assert.Empty(await visitor.SeriousAccessibilityViolationsAsync());
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        await visitor.GetByLabel("Your name").FillAsync("Vera Visitor");
        await visitor.GetByLabel("Email").FillAsync("vera@customer.example");
        await visitor.GetByLabel("Message").FillAsync("Hi! My invoice export fails.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        var log = visitor.GetByRole(AriaRole.Log);
        await Assertions.Expect(log).ToContainTextAsync("Hi! My invoice export fails.");

        var number = await TicketNumberAsync(workspace.Api, "Hi! My invoice export fails.");
        var agent = await browser.NewPageAsync();
        await agent.SignInAsync(workspace.OwnerEmail, workspace.OwnerPassword, $"/tickets/{number}");
        await Assertions.Expect(agent.Locator(".message.customer")).ToContainTextAsync("Hi! My invoice export fails.");

        // Typing, both ways.
        await visitor.GetByLabel("Write a message").PressSequentiallyAsync("Also");
        await Assertions.Expect(agent.Locator("[data-visitor-typing]")).ToBeVisibleAsync();
        await agent.GetByLabel("Your reply to the customer").FillAsync("Hello Vera, which browser do you use?");
        await Assertions.Expect(visitor.Locator(".typing")).ToHaveTextAsync("An agent is typing…");

        // Messages, both ways, and read state.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync();
        await Assertions.Expect(log).ToContainTextAsync("Hello Vera, which browser do you use?");
        await Assertions.Expect(agent.Locator("[data-visitor-read]")).ToBeVisibleAsync();
        await visitor.GetByLabel("Write a message").FillAsync("Firefox, on Linux.");
        await visitor.GetByLabel("Write a message").PressAsync("Enter");
        await Assertions.Expect(agent.Locator(".message.customer").Last).ToContainTextAsync("Firefox, on Linux.");
        await Assertions.Expect(visitor.Locator(".read").Last).ToHaveTextAsync("Read");
        await Artifacts.ScreenshotAsync(visitor, "widget-chat");

        Assert.Empty(await visitor.SeriousAccessibilityViolationsAsync());
        await visitor.Keyboard.PressAsync("Escape");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_widget_speaks_the_browsers_language_and_fits_a_phone()
    {
        var workspace = await browser.App.WorkspaceAsync();
        await using var host = await HostPage.StartAsync(browser.App.BaseAddress, workspace.Id);
        var page = await VisitorPageAsync(390, 844, "es-ES");
        await page.GotoAsync(host.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir soporte" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envíanos un mensaje" }).ClickAsync();
        await page.GetByLabel("Tu nombre").FillAsync("Ana");
        await page.GetByLabel("Correo electrónico").FillAsync("no-es-correo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar mensaje" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Correo electrónico")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.False(await page.ScrollsSidewaysAsync());
        Assert.Empty(await page.SeriousAccessibilityViolationsAsync());
        await Artifacts.ScreenshotAsync(page, "widget-phone-es");
    }

    /// <summary>
    /// A visitor's browser without the fixture's test-address header: a real customer page sends no such header, and
    /// the widget's CORS preflight (rightly) allows only the headers the widget itself sends.
    /// </summary>
    private async Task<IPage> VisitorPageAsync(int width = 1280, int height = 800, string locale = "en-US")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Madrid",
        });
        context.SetDefaultTimeout(BrowserFixture.Patience);
        return await context.NewPageAsync();
    }

    private static async Task Put(HttpClient api, string path, object body)
    {
        var response = await api.PutAsJsonAsync(path, body, Seed.Json);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<long> TicketNumberAsync(HttpClient api, string subject)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/tickets?limit=10", Seed.Json);
        return page.GetProperty("items").EnumerateArray().First(t => t.GetProperty("subject").GetString() == subject).GetProperty("number").GetInt64();
    }

    /// <summary>The customer's own web app: Fixtures/widget-host.html with the widget's script tag, on a port of its own.</summary>
    private sealed class HostPage : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HostPage(WebApplication app, string url) => (_app, Url) = (app, url);

        public string Url { get; }

        public string Origin => new Uri(Url).GetLeftPart(UriPartial.Authority);

        public static async Task<HostPage> StartAsync(Uri heliodesk, Guid workspaceId)
        {
            var html = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "widget-host.html")))
                .Replace("{{HELIODESK}}", heliodesk.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                .Replace("{{WORKSPACE}}", workspaceId.ToString(), StringComparison.Ordinal);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
            await app.StartAsync();
            // "localhost", not 127.0.0.1: another origin than Heliodesk's even on the same machine.
            return new HostPage(app, new Uri(app.Urls.First()).GetLeftPart(UriPartial.Authority).Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
