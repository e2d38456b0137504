using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Workspaces;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Security;

public sealed class AuthTests(TestDatabases databases)
{
    private static async Task<CreatedWorkspace> WorkspaceWithOwnerEmailAsync(HeliodeskApplication app, string email)
    {
        using var admin = app.ClientWithToken(HeliodeskApplication.BootstrapToken);
        var response = await admin.PostAsJsonAsync("/api/v1/workspaces", new { name = "Signed in", ownerEmail = email, ownerName = "Rasa" }, TestApi.Json);
        return await response.ReadAsync<CreatedWorkspace>(HttpStatusCode.Created);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Requests_without_a_valid_token_get_401_problems(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        using var anonymous = app.CreateClient();
        using var forged = app.ClientWithToken("hd_not-a-real-token");

        var none = await anonymous.GetAsync("/api/v1/tickets");
        var bad = await forged.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_instance_administrator_creates_workspaces_and_it_sees_no_tickets(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        using var admin = app.ClientWithToken(HeliodeskApplication.BootstrapToken);

        var byOwner = await ws.Owner.PostAsJsonAsync("/api/v1/workspaces", new { name = "Sneaky" }, TestApi.Json);
        var adminReadsTickets = await admin.GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminReadsTickets.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_owner_signs_in_with_the_password_shown_once_then_signs_out(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var email = $"rasa-{Guid.NewGuid():N}@example.lt";
        var created = await WorkspaceWithOwnerEmailAsync(app, email);
        using var browser = app.BrowserClient();

        var signIn = await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = email.ToUpperInvariant(), password = created.OwnerPassword }, TestApi.Json);
        var me = await signIn.ReadAsync<MeResponse>(HttpStatusCode.OK);
        Assert.Equal((created.Id, AgentRole.Owner), (me.WorkspaceId, me.Role));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/tickets")).StatusCode);

        (await browser.PostAsync("/api/v1/auth/sign-out", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var email = $"ana-{Guid.NewGuid():N}@example.es";
        await WorkspaceWithOwnerEmailAsync(app, email);
        using var browser = app.BrowserClient();

        var wrongPassword = await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "guess-guess-guess" }, TestApi.Json);
        var unknownUser = await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "nobody@example.es", password = "guess-guess-guess" }, TestApi.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(await DetailAsync(wrongPassword), await DetailAsync(unknownUser));
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_changed_password_replaces_the_old_one(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var email = $"li-{Guid.NewGuid():N}@example.cn";
        var created = await WorkspaceWithOwnerEmailAsync(app, email);
        using var browser = app.BrowserClient();
        (await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = created.OwnerPassword }, TestApi.Json)).EnsureSuccessStatusCode();

        await (await browser.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "wrong-wrong-wrong", newPassword = "a-new-long-password" }, TestApi.Json))
            .AssertFieldErrorAsync("currentPassword");
        (await browser.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = created.OwnerPassword, newPassword = "a-new-long-password" }, TestApi.Json))
            .EnsureSuccessStatusCode();

        using var again = app.BrowserClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = created.OwnerPassword }, TestApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "a-new-long-password" }, TestApi.Json)).StatusCode);
    }

    [Fact]
    public async Task Password_guessing_is_throttled_to_ten_attempts_a_minute()
    {
        await using var app = await databases.IsolatedAsync(DatabaseProvider.Sqlite);
        using var browser = app.BrowserClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "x@example.com", password = "guess-guess-guess" }, TestApi.Json)).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Attachments_upload_once_attach_to_a_reply_and_download_intact(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        var bytes = "%PDF-1.7 invoice"u8.ToArray();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "../../invoice 11.pdf" } };
        var upload = await (await ws.Owner.PostAsync("/api/v1/attachments", form)).ReadAsync<Features.Tickets.AttachmentResponse>(HttpStatusCode.Created);

        var posted = await ws.Owner.ReplyAsync(ticket.Id, "Here is the corrected invoice.", new { attachmentIds = new[] { upload.Id } });
        var reuse = await ws.Owner.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "again", attachmentIds = new[] { upload.Id } }, TestApi.Json);
        var download = await ws.Owner.GetAsync(upload.Url);

        Assert.Equal("invoice 11.pdf", posted.Message.Attachments.Single().FileName);
        await reuse.AssertFieldErrorAsync("attachmentIds");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
