using System.Net;
using System.Net.Http.Json;
using Heliodesk.Features.Channels.Widget;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>A visitor's browser on a host page: it sends the page's Origin and, once chatting, its session token.</summary>
public sealed class WidgetVisitor(HeliodeskApplication app, Guid workspaceId, string origin = WidgetTestApi.HostPage)
{
    public HttpClient Browser { get; } = CreateBrowser(app, origin);

    public string Api { get; } = $"/widget/v1/{workspaceId}";

    public string? Token { get; private set; }

    public async Task<WidgetConfigResponse> ConfigAsync() =>
        await (await Browser.GetAsync($"{Api}/config?language=en")).ReadAsync<WidgetConfigResponse>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> TryStartAsync(object body) => Browser.PostAsJsonAsync($"{Api}/chats", body, TestApi.Json);

    public async Task<StartChatResponse> StartAsync(string message = "Hi, my invoice export fails.", string? email = null, object? identity = null)
    {
        var started = await (await TryStartAsync(new { message, name = "Vera Visitor", email = email ?? AgentTestApi.NewEmail("visitor"), language = "en", identity }))
            .ReadAsync<StartChatResponse>(HttpStatusCode.OK);
        UseToken(started.Token);
        return started;
    }

    public void UseToken(string? token)
    {
        Token = token;
        Browser.DefaultRequestHeaders.Remove(WidgetOrigins.TokenHeader);
        if (token is not null)
        {
            Browser.DefaultRequestHeaders.Add(WidgetOrigins.TokenHeader, token);
        }
    }

    public Task<HttpResponseMessage> TryTranscriptAsync() => Browser.GetAsync($"{Api}/chat");

    public async Task<TranscriptResponse> TranscriptAsync() => await (await TryTranscriptAsync()).ReadAsync<TranscriptResponse>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> TrySayAsync(string text, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(text), "text" } };
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }
        return Browser.PostAsync($"{Api}/chat/messages", content);
    }

    public async Task<TranscriptResponse> SayAsync(string text, params (string Name, byte[] Bytes)[] files) =>
        await (await TrySayAsync(text, files)).ReadAsync<TranscriptResponse>(HttpStatusCode.OK);

    public Task<HttpResponseMessage> RequestAsync(object form) => Browser.PostAsJsonAsync($"{Api}/requests", form, TestApi.Json);

    private static HttpClient CreateBrowser(HeliodeskApplication app, string origin)
    {
        var client = app.BrowserClient();
        client.DefaultRequestHeaders.Add("Origin", origin);
        return client;
    }
}

public static class WidgetTestApi
{
    public const string HostPage = "https://shop.example.com";

    public static WidgetVisitor Visitor(this HeliodeskApplication app, TestWorkspace ws, string origin = HostPage) => new(app, ws.Id, origin);

    public static async Task<string> RotateWidgetSecretAsync(this TestWorkspace ws) =>
        (await (await ws.Owner.PostAsync("/api/v1/widget/secret", null)).ReadAsync<WidgetSecretResponse>(HttpStatusCode.OK)).Secret;

    public static Task<HttpResponseMessage> SetAllowedOriginsAsync(this TestWorkspace ws, params string[] origins) =>
        ws.Owner.PutAsJsonAsync("/api/v1/widget/settings", new { allowedOrigins = origins }, TestApi.Json);

    /// <summary>The signature a host application's server computes: hex HMAC-SHA256 of the user id under the widget secret.</summary>
    public static string Sign(string secret, string userId) => Convert.ToHexStringLower(WidgetSecrets.Sign(secret, userId));

    public static async Task<TicketResponse> TicketNumberedAsync(this TestWorkspace ws, long number)
    {
        var page = await (await ws.Owner.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        return Assert.Single(page.Items, t => t.Number == number);
    }
}
