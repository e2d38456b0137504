using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Phone;

public sealed class PhoneCallTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_logged_call_shows_on_the_ticket_counts_as_the_first_reply_and_can_solve_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Card declined at checkout");
        var startedAt = app.Clock.GetUtcNow().AddMinutes(1);
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var logged = await (await ws.Owner.LogCallAsync(ticket.Id, new
        {
            direction = "outbound",
            to = "+1 (555) 010-4477",
            startedAt,
            durationSeconds = 245,
            recordingUrl = "https://calls.example.com/rec/981",
            notes = "Walked her through re-adding the card.",
            status = "solved",
        })).ReadAsync<PhoneCallResponse>(HttpStatusCode.Created);

        Assert.Equal((CallDirection.Outbound, "+1 (555) 010-4477", 245), (logged.Direction, logged.To, logged.DurationSeconds));
        Assert.Equal([logged.Id], (await ws.Owner.CallsAsync(ticket.Id)).Select(c => c.Id));
        var after = await ws.Owner.GetTicketAsync(ticket.Id);
        Assert.Equal(TicketStatus.Solved, after.Status);
        Assert.Equal(startedAt, after.FirstReplyAt);
        var events = await ws.Owner.EventsAsync(ticket.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.CallLogged && e.To == "outbound 4:05");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_missed_call_is_logged_but_is_not_an_answer(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+63 917 555 0134", durationSeconds = 0 }))
            .ReadAsync<PhoneCallResponse>(HttpStatusCode.Created);

        var after = await ws.Owner.GetTicketAsync(ticket.Id);
        Assert.Null(after.FirstReplyAt);
        Assert.Contains(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.CallLogged && e.To == "inbound unanswered");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bad_call_names_the_field_and_leaves_the_ticket_alone(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", durationSeconds = 30 })).AssertFieldErrorAsync("from");
        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "outbound", to = "call me", durationSeconds = 30 })).AssertFieldErrorAsync("to");
        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+1 555 0100", durationSeconds = -1 })).AssertFieldErrorAsync("durationSeconds");
        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+1 555 0100", startedAt = app.Clock.GetUtcNow().AddHours(1) })).AssertFieldErrorAsync("startedAt");
        await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+1 555 0100", recordingUrl = "javascript:alert(1)" })).AssertFieldErrorAsync("recordingUrl");

        Assert.Empty(await ws.Owner.CallsAsync(ticket.Id));
        Assert.Equal(ticket.Version, (await ws.Owner.GetTicketAsync(ticket.Id)).Version);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_call_logged_on_a_stale_version_is_refused(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        await ws.Owner.NoteAsync(ticket.Id, "Customer prefers phone.");

        var stale = await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+1 555 0100", durationSeconds = 60, version = ticket.Version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Empty(await ws.Owner.CallsAsync(ticket.Id));
    }
}
