using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.HelpCenter;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>A customer's browser on a workspace's help center: cookies, its own address, real form posts with antiforgery.</summary>
public sealed partial class HelpCenterVisitor(HeliodeskApplication app, string slug)
{
    public HttpClient Browser { get; } = app.BrowserClient();

    public string Root { get; } = $"/help/{slug}";

    public async Task<string> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {expected}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        // Blazor escapes non-ASCII text as character references; tests read what the person reads.
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>Loads the page the form is on (for its antiforgery token), then posts the form as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string? handler, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Name, byte[] Bytes)>? files = null, string? postPath = null)
    {
        var token = AntiforgeryToken().Match(await PageAsync(pagePath)).Groups[1].Value;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (handler is not null)
        {
            content.Add(new StringContent(handler), "_handler");
        }
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files ?? [])
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }
        return await Browser.PostAsync(postPath ?? pagePath, content);
    }

    public Task<HttpResponseMessage> SubmitAsync(string email, string subject, string urgency = "normal", string description = "The export button does nothing.",
        IEnumerable<(string Name, string Value)>? extra = null, IEnumerable<(string Name, byte[] Bytes)>? files = null) =>
        PostFormAsync($"{Root}/requests/new", "request",
            [("name", "Ana Customer"), ("email", email), ("subject", subject), ("description", description), ("urgency", urgency), .. extra ?? []], files);

    /// <summary>Submits a request and returns the ticket number the confirmation page shows.</summary>
    public async Task<long> SubmitRequestAsync(string email, string subject)
    {
        var response = await SubmitAsync(email, subject);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = long.Parse(NumberInQuery().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        Assert.Contains($"#{number}", await PageAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
        return number;
    }

    public Task<HttpResponseMessage> AskForLinkAsync(string email) => PostFormAsync($"{Root}/sign-in", "sign-in", [("email", email)]);

    /// <summary>Asks for a sign-in link, reads it from the dev mailbox as the customer would from their inbox, and follows it.</summary>
    public async Task SignInAsync(TestWorkspace ws, string email)
    {
        Assert.Equal(HttpStatusCode.OK, (await AskForLinkAsync(email)).StatusCode);
        var link = await LatestLinkAsync(app, ws, email);
        var redeemed = await RedeemAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.EndsWith($"{Root}/requests", redeemed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public Task<HttpResponseMessage> RedeemAsync(string link)
    {
        var path = new Uri(link).PathAndQuery;
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        return PostFormAsync(path, "redeem", [("token", token)]);
    }

    public static async Task<string> LatestLinkAsync(HeliodeskApplication app, TestWorkspace ws, string email)
    {
        await app.DeliverOutboxAsync();
        var page = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox?to={Uri.EscapeDataString(email)}")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK);
        Assert.NotEmpty(page.Items);
        var mail = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox/{page.Items[0].Id}")).ReadAsync<CapturedEmail>(HttpStatusCode.OK);
        return Link().Match(mail.Text!).Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"number=(\d+)")]
    private static partial Regex NumberInQuery();

    [GeneratedRegex(@"https?://\S+/sign-in/link\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}

public static class HelpCenterTestApi
{
    public static async Task<HelpCenterVisitor> VisitorAsync(this HeliodeskApplication app, TestWorkspace ws) =>
        new(app, (await (await ws.Owner.GetAsync("/api/v1/help-center")).ReadAsync<HelpCenterSettings>(HttpStatusCode.OK)).Slug);

    /// <summary>Another browser (own cookies, own address) on the same help center, or on the one at <paramref name="root"/>.</summary>
    public static HelpCenterVisitor VisitorFor(this HeliodeskApplication app, HelpCenterVisitor other, string? root = null) =>
        new(app, (root ?? other.Root)["/help/".Length..]);

    public static async Task<long> CapturedCountAsync(this TestWorkspace ws, string email) =>
        (await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox?to={Uri.EscapeDataString(email)}")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK)).Items.Count;

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, TestApi.Json);
}
