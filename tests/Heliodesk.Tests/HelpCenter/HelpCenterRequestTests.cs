using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.HelpCenter;

public sealed class HelpCenterRequestTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_request_with_a_file_and_a_callback_opens_a_help_center_ticket_and_confirms_its_number(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var response = await visitor.SubmitAsync("lucia@example.com", "Our whole team is locked out", "critical",
            extra: [("callMe", "true"), ("phone", "+34 612 345 678"), ("timeZone", "Europe/Madrid"),
                ("windowStart", "2026-11-03T10:00"), ("windowEnd", "2026-11-03T12:00")],
            files: [("screenshot.png", new byte[] { 1, 2, 3 })]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ticket = Assert.Single(await ws.TicketsOfAsync("lucia@example.com"));
        Assert.Contains($"number={ticket.Number}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains($"#{ticket.Number}", await visitor.PageAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Equal((Channel.HelpCenter, CustomerUrgency.Critical, TicketPriority.Urgent), (ticket.Channel, ticket.Urgency, ticket.Priority));
        var message = Assert.Single(await ws.MessagesAsync(ticket.Id));
        Assert.Equal("screenshot.png", Assert.Single(message.Attachments).FileName);
        var callback = Assert.Single((await ws.Owner.CallbackQueueAsync()).Items);
        Assert.Equal((ticket.Id, "2026-11-03T10:00", "Europe/Madrid", Channel.HelpCenter),
            (callback.TicketId, callback.WindowStartLocal, callback.TimeZone, callback.RequestedVia));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_comes_back_with_a_message_per_field_and_everything_typed_kept(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var response = await visitor.SubmitAsync("not-an-address", "Printer on fire", "whenever", description: "Smoke everywhere",
            extra: [("callMe", "true"), ("phone", ""), ("timeZone", "Europe/Madrid"), ("windowStart", "2026-11-03T10:00"), ("windowEnd", "2026-11-03T10:05")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter an email address such as name@example.com.", html, StringComparison.Ordinal);
        Assert.Contains("Choose how urgent it is.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a phone number", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Printer on fire\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-address\"", html, StringComparison.Ordinal);
        Assert.Contains(">Smoke everywhere</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await ws.TicketsOfAsync("not-an-address"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_callback_window_that_already_passed_is_refused_on_its_field(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var response = await visitor.SubmitAsync("marta@example.com", "Call me", extra:
            [("callMe", "true"), ("phone", "+34 612 345 678"), ("timeZone", "Europe/Madrid"), ("windowStart", "2020-01-01T10:00"), ("windowEnd", "2020-01-01T12:00")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The window must be in the future", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await ws.TicketsOfAsync("marta@example.com"));
    }

    [Fact]
    public async Task A_bot_that_fills_the_hidden_field_is_shown_success_and_nothing_is_stored()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var response = await visitor.SubmitAsync("bot@example.com", "Cheap watches", extra: [("website", "http://spam.example")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await ws.TicketsOfAsync("bot@example.com"));
    }

    [Fact]
    public async Task One_address_sending_request_after_request_is_slowed_down()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await visitor.SubmitAsync($"flood{i}@example.com", "Flood " + i)).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);

        var response = await visitor.Browser.PostAsync($"{visitor.Root}/requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "request",
            ["name"] = "Eve",
            ["email"] = "eve@example.com",
            ["subject"] = "Forged",
            ["description"] = "x",
            ["urgency"] = "low",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ws.TicketsOfAsync("eve@example.com"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_workspace_has_its_own_address_and_an_unknown_one_is_not_found(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var name = "Acme Soporte Técnico " + Guid.NewGuid().ToString("N")[..6];
        var ws = await app.CreateWorkspaceAsync(name);
        var visitor = await app.VisitorAsync(ws);

        Assert.StartsWith("/help/acme-soporte-tecnico-", visitor.Root, StringComparison.Ordinal);
        Assert.Contains(name, await visitor.PageAsync(visitor.Root), StringComparison.Ordinal);
        await visitor.PageAsync("/help/no-such-help-center", HttpStatusCode.NotFound);

        var renamed = "support-" + Guid.NewGuid().ToString("N")[..6];
        var changed = await ws.Owner.PutJsonAsync("/api/v1/help-center", new { slug = renamed });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await visitor.PageAsync($"/help/{renamed}");
        var other = await app.CreateWorkspaceAsync();
        await (await other.Owner.PutJsonAsync("/api/v1/help-center", new { slug = renamed })).AssertFieldErrorAsync("slug");
    }
}
