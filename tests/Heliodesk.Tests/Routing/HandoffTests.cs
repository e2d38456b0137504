using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Heliodesk.Tests.Routing;

/// <summary>
/// A Vilnius agent (EMEA, 07:00–15:00 UTC in November) hands over to a New York agent (AMER, 14:00–22:00 UTC)
/// at 15:00 UTC on Monday 2 November 2026.
/// </summary>
public sealed class HandoffTests(TestDatabases databases)
{
    private static readonly DateTimeOffset VilniusGoesOff = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private sealed record Desk(HeliodeskApplication App, TestWorkspace Ws, TestAgent Vilnius, TestAgent NewYork);

    private async Task<Desk> DeskAsync(DatabaseProvider provider)
    {
        var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        (await ws.Owner.PostAsync("/api/v1/regions/defaults", null)).EnsureSuccessStatusCode();
        var queue = await ws.Owner.CreateQueueAsync("General");
        await ws.Owner.CreateRuleAsync(queue.Id);
        var vilnius = await app.OnlineAgentAsync(ws, ["en", "lt"], region: "EMEA", timeZone: "Europe/Vilnius");
        var newYork = await app.OnlineAgentAsync(ws, ["en", "es"], region: "AMER", timeZone: "America/New_York");
        await ws.Owner.WeekdayShiftsAsync(vilnius.Id, "09:00", "17:00");
        await ws.Owner.WeekdayShiftsAsync(newYork.Id, "09:00", "17:00");
        return new Desk(app, ws, vilnius, newYork);
    }

    private static async Task<TicketResponse> AssignedTicketAsync(Desk desk, string subject)
    {
        var ticket = await desk.Ws.Owner.CreateTicketAsync(subject, "My export stopped working yesterday.");
        await desk.App.RouteNowAsync();
        Assert.Equal(desk.Vilnius.Id, (await desk.Ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        return ticket;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task At_the_shift_change_open_work_goes_to_the_next_region_with_a_summary_and_sticky_work_stays(DatabaseProvider provider)
    {
        var desk = await DeskAsync(provider);
        await using var app = desk.App;
        var handed = await AssignedTicketAsync(desk, "Export is broken");
        var sticky = await AssignedTicketAsync(desk, "Custom SSO setup");
        await desk.Vilnius.Client.ReplyAsync(handed.Id, "Could you try again in Chrome?");
        await desk.Ws.Owner.CustomerWritesAsync(handed.Id, "Chrome does the same: an empty file.");
        var note = await desk.Vilnius.Client.WriteHandoffNoteAsync(handed.Id, "Cleared the export cache", "Ask engineering for the export log");
        Assert.Equal("Ask engineering for the export log", note.NextStep);
        (await desk.Vilnius.Client.MarkStickyAsync(sticky.Id, StickyReason.Specialist)).EnsureSuccessStatusCode();

        app.Clock.Advance(VilniusGoesOff - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        await app.HandOverNowAsync();
        await app.RouteNowAsync();

        Assert.Equal(desk.NewYork.Id, (await desk.Ws.Owner.GetTicketAsync(handed.Id)).AssigneeId);
        var summary = (await desk.NewYork.Client.HandoffOfAsync(handed.Id)).LastHandover!;
        Assert.Equal(("EMEA", "AMER", "Chrome does the same: an empty file.", "Cleared the export cache", "Ask engineering for the export log"),
            (summary.FromRegion, summary.ToRegion, summary.CustomerMessage, summary.Tried, summary.NextStep));
        var events = await desk.Ws.Owner.EventsAsync(handed.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.HandoffNoteWritten && e.ActorId == desk.Vilnius.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.HandedOver && e.From == "EMEA" && e.To == "AMER");
        Assert.Contains(events, e => e.Type == TicketEventType.Queued && e.To == "General (AMER)");

        Assert.Equal(desk.Vilnius.Id, (await desk.Ws.Owner.GetTicketAsync(sticky.Id)).AssigneeId);
        var kept = await desk.Ws.Owner.EventsAsync(sticky.Id);
        Assert.Contains(kept, e => e.Type == TicketEventType.StickyChanged && e.To == "sticky: specialist");
        Assert.Contains(kept, e => e.Type == TicketEventType.KeptOverShiftChange && e.To == "stays with its agent (sticky: specialist)");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_ticket_whose_reply_is_being_written_waits_and_goes_over_when_the_draft_ends(DatabaseProvider provider)
    {
        var desk = await DeskAsync(provider);
        await using var app = desk.App;
        var ticket = await AssignedTicketAsync(desk, "Refund for October");
        var writing = app.Services.GetRequiredService<TicketPresence>().Join(ticket.Id, desk.Vilnius.Id, "Vilnius", () => { });
        writing.Typing(true);

        app.Clock.Advance(VilniusGoesOff - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        await app.HandOverNowAsync();
        await app.HandOverNowAsync();
        Assert.Equal(desk.Vilnius.Id, (await desk.Ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);

        writing.Dispose();
        await app.HandOverNowAsync();
        await app.RouteNowAsync();

        Assert.Equal(desk.NewYork.Id, (await desk.Ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        var events = await desk.Ws.Owner.EventsAsync(ticket.Id);
        Assert.Single(events, e => e.Type == TicketEventType.HandoffDeferred);
        Assert.Equal("AMER (after the reply being written ended)", Assert.Single(events, e => e.Type == TicketEventType.HandedOver).To);
        Assert.True((await desk.Ws.Owner.HandoffOfAsync(ticket.Id)).LastHandover!.WasDeferred);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_nodes_hand_a_shift_over_once_and_the_regions_digest_reaches_its_webhook(DatabaseProvider provider)
    {
        var desk = await DeskAsync(provider);
        await using var app = desk.App;
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await desk.Ws.Owner.SetDigestWebhookAsync("EMEA", receiver.Url);
        Assert.DoesNotContain("/hooks", hook.UrlHint); // only a hint of the secret URL comes back
        var ticket = await AssignedTicketAsync(desk, "Invoice in the wrong currency");
        receiver.AnswerNext(503);

        app.Clock.Advance(VilniusGoesOff - app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        var other = new HandoffWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock,
            app.Services.GetRequiredService<IOptions<HandoffSettings>>(), app.Services.GetRequiredService<RouterWorker>(), NullLogger<HandoffWorker>.Instance);
        var ran = await Task.WhenAll(app.HandOverNowAsync(), other.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Contains(true, ran);
        await Task.WhenAll(app.HandOverNowAsync(), other.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Single(await desk.Ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.HandedOver);
        await app.DeliverDueAsync(); // the receiver is down: the outbox retries later
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverDueAsync();

        var posted = receiver.Requests.Select(r => r.Body).ToList();
        Assert.Equal(2, posted.Count);
        using var body = JsonDocument.Parse(posted[^1]);
        var text = body.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("Handoff digest: EMEA day ends 2026-11-02 15:00 UTC → AMER", text);
        Assert.Contains($"#{ticket.Number} Invoice in the wrong currency (to AMER)", text);
        Assert.Contains(DigestContent.SlaNote, text);
        Assert.Contains("*Going off*\n" + desk.Vilnius.Agent.Name, text);
        Assert.Equal("header", body.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        var digest = Assert.Single((await desk.Ws.Owner.DigestsAsync("EMEA")).Items);
        Assert.Equal((text, true), (digest.Text, digest.DeliveredAt is not null));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_the_assignee_or_a_lead_marks_a_ticket_sticky_and_notes_are_bounded(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("General");
        await ws.Owner.CreateRuleAsync(queue.Id);
        var mine = await app.OnlineAgentAsync(ws, ["en"]);
        var colleague = await app.OnlineAgentAsync(ws, ["en"], online: false);
        var ticket = await ws.Owner.CreateTicketAsync("Slow dashboard");
        await app.RouteNowAsync();

        await (await colleague.Client.MarkStickyAsync(ticket.Id, StickyReason.AgentChoice)).AssertFieldErrorAsync("reason");
        (await mine.Client.MarkStickyAsync(ticket.Id, StickyReason.AgentChoice)).EnsureSuccessStatusCode();
        Assert.Equal(StickyReason.AgentChoice, (await colleague.Client.HandoffOfAsync(ticket.Id)).Sticky);
        (await ws.Owner.MarkStickyAsync(ticket.Id, null)).EnsureSuccessStatusCode();
        Assert.Null((await mine.Client.HandoffOfAsync(ticket.Id)).Sticky);

        var tooLong = await mine.Client.PutAsJsonAsync($"/api/v1/tickets/{ticket.Id}/handoff-note", new { nextStep = new string('x', 2001) }, TestApi.Json);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }
}
