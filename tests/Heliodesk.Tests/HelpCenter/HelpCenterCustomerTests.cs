using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.HelpCenter;

public sealed class HelpCenterCustomerTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_customer_signs_in_with_the_emailed_link_once_and_sees_their_requests(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        var number = await visitor.SubmitRequestAsync("sofia@example.com", "Invoice shows the wrong VAT");

        await visitor.PageAsync($"{visitor.Root}/requests", HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, (await visitor.AskForLinkAsync("sofia@example.com")).StatusCode);
        var link = await HelpCenterVisitor.LatestLinkAsync(app, ws, "sofia@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.RedeemAsync(link)).StatusCode);

        var list = await visitor.PageAsync($"{visitor.Root}/requests");
        Assert.Contains("Invoice shows the wrong VAT", list, StringComparison.Ordinal);
        Assert.Contains($"#{number}", list, StringComparison.Ordinal);

        var again = app.VisitorFor(visitor);
        var reused = await again.RedeemAsync(link);
        Assert.Contains("expired=true", reused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await again.PageAsync($"{visitor.Root}/requests", HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_link_expires_after_thirty_minutes()
    {
        var app = await databases.IsolatedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        await visitor.SubmitRequestAsync("late@example.com", "Slow reader");
        await visitor.AskForLinkAsync("late@example.com");
        var link = await HelpCenterVisitor.LatestLinkAsync(app, ws, "late@example.com");

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await visitor.RedeemAsync(link);
        Assert.Contains("expired=true", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await visitor.PageAsync($"{visitor.Root}/requests", HttpStatusCode.Redirect);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_and_links_are_rationed(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        await visitor.SubmitRequestAsync("known@example.com", "Hello");

        var unknown = await (await visitor.AskForLinkAsync("stranger@example.com")).Content.ReadAsStringAsync();
        var known = await (await visitor.AskForLinkAsync("known@example.com")).Content.ReadAsStringAsync();

        Assert.Contains("a sign-in link is on its way", unknown, StringComparison.Ordinal);
        Assert.Contains("a sign-in link is on its way", known, StringComparison.Ordinal);
        await app.DeliverOutboxAsync();
        Assert.Equal(0, await ws.CapturedCountAsync("stranger@example.com"));
        Assert.Equal(1, await ws.CapturedCountAsync("known@example.com"));

        var pages = app.VisitorFor(visitor);
        for (var i = 0; i < 6; i++)
        {
            await pages.AskForLinkAsync("known@example.com");
        }
        await app.DeliverOutboxAsync();
        Assert.Equal(5, await ws.CapturedCountAsync("known@example.com"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_customer_sees_public_replies_but_never_an_internal_note(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        var number = await visitor.SubmitRequestAsync("nora@example.com", "Cannot log in");
        var ticket = Assert.Single(await ws.TicketsOfAsync("nora@example.com"));
        await ws.Owner.NoteAsync(ticket.Id, "Internal: she is on the legacy plan, do not refund");
        await ws.Owner.ReplyAsync(ticket.Id, "We reset your password; try again please.");

        await visitor.SignInAsync(ws, "nora@example.com");
        var page = WebUtility.HtmlDecode(await visitor.PageAsync($"{visitor.Root}/requests/{number}"));

        Assert.Contains("We reset your password; try again please.", page, StringComparison.Ordinal);
        Assert.Contains("The export button does nothing.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy plan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy plan", WebUtility.HtmlDecode(await visitor.PageAsync($"{visitor.Root}/requests?q=legacy")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_customer_never_sees_another_customers_request_or_file(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ana = await app.VisitorAsync(ws);
        var anaNumber = await ana.SubmitRequestAsync("ana.private@example.com", "Ana's private matter");
        var anaTicket = Assert.Single(await ws.TicketsOfAsync("ana.private@example.com"));
        await ws.Owner.ReplyAsync(anaTicket.Id, "Here is your contract.");
        var withFile = await ana.SubmitAsync("ana.private@example.com", "Ana's file", files: [("contract.pdf", new byte[] { 9, 9 })]);
        Assert.Equal(HttpStatusCode.Redirect, withFile.StatusCode);
        var fileId = (await ws.MessagesAsync((await ws.TicketsOfAsync("ana.private@example.com")).Single(t => t.Subject == "Ana's file").Id))
            .Single().Attachments.Single().Id;

        var ben = app.VisitorFor(ana);
        await ben.SubmitRequestAsync("ben@example.com", "Ben's question");
        await ben.SignInAsync(ws, "ben@example.com");

        Assert.DoesNotContain("Ana", await ben.PageAsync($"{ben.Root}/requests"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", await ben.PageAsync($"{ben.Root}/requests?q=private"), StringComparison.Ordinal);
        Assert.DoesNotContain("contract", await ben.PageAsync($"{ben.Root}/requests/{anaNumber}", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Browser.GetAsync($"{ben.Root}/files/{fileId}")).StatusCode);

        await ana.SignInAsync(ws, "ana.private@example.com");
        Assert.Equal(HttpStatusCode.OK, (await ana.Browser.GetAsync($"{ana.Root}/files/{fileId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_session_in_one_workspace_opens_nothing_in_another(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var first = await app.CreateWorkspaceAsync();
        var second = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(first);
        await visitor.SubmitRequestAsync("twice@example.com", "First workspace's request");
        await visitor.SignInAsync(first, "twice@example.com");
        var secondSite = await app.VisitorAsync(second);
        await secondSite.SubmitRequestAsync("twice@example.com", "Second workspace's request");

        // The same browser, its first-workspace cookie in hand, on the second workspace's help center.
        await visitor.PageAsync($"{secondSite.Root}/requests", HttpStatusCode.Redirect);
        await visitor.PageAsync($"{secondSite.Root}/requests/1", HttpStatusCode.Redirect);
        Assert.DoesNotContain("Second workspace", await visitor.PageAsync($"{visitor.Root}/requests"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reply_with_a_file_lands_on_the_ticket_reopens_it_when_solved_and_opens_a_follow_up_when_closed(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        var number = await visitor.SubmitRequestAsync("rui@example.com", "Sync fails");
        var ticket = Assert.Single(await ws.TicketsOfAsync("rui@example.com"));
        await ws.Owner.PatchTicketAsync(ticket.Id, new { status = "solved" });
        await visitor.SignInAsync(ws, "rui@example.com");

        var reply = await visitor.PostFormAsync($"{visitor.Root}/requests/{number}", "reply", [("body", "It broke again today.")], [("log.txt", "boom"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("It broke again today.", await visitor.PageAsync(reply.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, (await ws.Owner.GetTicketAsync(ticket.Id)).Status);
        var last = (await ws.MessagesAsync(ticket.Id)).Last();
        Assert.Equal((Channel.HelpCenter, ActorKind.Contact, "log.txt"), (last.Channel, last.AuthorKind, Assert.Single(last.Attachments).FileName));

        (await ws.Owner.PatchTicketAsync(ticket.Id, new { status = "solved" })).EnsureSuccessStatusCode();
        (await ws.Owner.PatchTicketAsync(ticket.Id, new { status = "closed" })).EnsureSuccessStatusCode();
        var late = await visitor.PostFormAsync($"{visitor.Root}/requests/{number}", "reply", [("body", "And once more.")]);
        var followUp = (await ws.TicketsOfAsync("rui@example.com")).Single(t => t.FollowUpOfId == ticket.Id);
        Assert.Contains($"/requests/{followUp.Number}", late.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Signing_out_ends_the_customer_session(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        await visitor.SubmitRequestAsync("out@example.com", "Bye");
        await visitor.SignInAsync(ws, "out@example.com");

        var response = await visitor.PostFormAsync($"{visitor.Root}/requests", null, [], postPath: $"{visitor.Root}/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await visitor.PageAsync($"{visitor.Root}/requests", HttpStatusCode.Redirect);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_pages_follow_the_browsers_language_and_the_switcher(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = await app.VisitorAsync(ws);
        visitor.Browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");

        Assert.Contains("Enviar una solicitud", await visitor.PageAsync($"{visitor.Root}/requests/new"), StringComparison.Ordinal);

        var switched = await visitor.PostFormAsync(visitor.Root, null, [("language", "zh-Hans"), ("returnUrl", $"{visitor.Root}/requests/new")],
            postPath: $"{visitor.Root}/language");
        Assert.Equal($"{visitor.Root}/requests/new", switched.Headers.Location!.OriginalString);
        Assert.Contains("提交请求", await visitor.PageAsync($"{visitor.Root}/requests/new"), StringComparison.Ordinal);
    }
}
