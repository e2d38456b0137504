using System.Globalization;
using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Phone;

public sealed class CallbackTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_window_asked_in_the_customers_zone_is_queued_at_the_right_instant_and_read_back_in_that_zone(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Please call me about my invoice");

        var callback = await ws.Owner.RequestCallbackAsync(ticket.Id, "2026-11-24T14:00", "2026-11-24T16:00", "Europe/Vilnius");

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), callback.WindowStart);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), callback.WindowEnd);
        Assert.Equal(("2026-11-24T14:00", "2026-11-24T16:00", "Europe/Vilnius"), (callback.WindowStartLocal, callback.WindowEndLocal, callback.TimeZone));
        Assert.Equal((CallbackState.Upcoming, ticket.Number, "Ana Customer"), (callback.State, callback.TicketNumber, callback.ContactName));
        Assert.Contains(await ws.Owner.EventsAsync(ticket.Id),
            e => e.Type == TicketEventType.CallbackRequested && e.To == "2026-11-24T14:00–16:00 Europe/Vilnius");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_time_that_does_not_exist_on_the_night_clocks_spring_forward_moves_past_the_gap(DatabaseProvider provider)
    {
        var app = await databases.IsolatedAsync(provider);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero));
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        var callback = await ws.Owner.RequestCallbackAsync(ticket.Id, "2027-03-14T02:30", "2027-03-14T04:00", "America/New_York");

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), callback.WindowStart);
        Assert.Equal(("2027-03-14T03:30", "2027-03-14T04:00"), (callback.WindowStartLocal, callback.WindowEndLocal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_queue_shows_each_callback_as_upcoming_then_due_then_overdue_as_the_day_goes_on(DatabaseProvider provider)
    {
        var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var now = app.Clock.GetUtcNow();
        var early = await ws.Owner.RequestCallbackAsync((await ws.Owner.CreateTicketAsync()).Id, Manila(now.AddHours(1)), Manila(now.AddHours(2)), "Asia/Manila");
        var late = await ws.Owner.RequestCallbackAsync((await ws.Owner.CreateTicketAsync()).Id, Manila(now.AddHours(3)), Manila(now.AddHours(5)), "Asia/Manila");

        Assert.Empty((await ws.Owner.CallbackQueueAsync("?state=due")).Items);
        Assert.Equal([early.Id, late.Id], (await ws.Owner.CallbackQueueAsync("?state=upcoming")).Items.Select(c => c.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal([early.Id], (await ws.Owner.CallbackQueueAsync("?state=due")).Items.Select(c => c.Id));

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal([early.Id], (await ws.Owner.CallbackQueueAsync("?state=overdue")).Items.Select(c => c.Id));
        Assert.Equal([late.Id], (await ws.Owner.CallbackQueueAsync("?state=due")).Items.Select(c => c.Id));
        var open = await ws.Owner.CallbackQueueAsync("?limit=1");
        Assert.Equal((early.Id, CallbackState.Overdue), (Assert.Single(open.Items).Id, open.Items[0].State));
        Assert.Equal([late.Id], (await ws.Owner.CallbackQueueAsync($"?limit=1&cursor={open.NextCursor}")).Items.Select(c => c.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Callbacks_go_to_agents_with_the_phone_skill_and_one_agent_calls_each(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Call me about the outage");
        var callback = await ws.Owner.RequestCallbackAsync(ticket.Id, "2026-11-24T14:00", "2026-11-24T16:00");
        var writer = await app.InviteAgentAsync(ws);
        var rita = await app.InviteAgentAsync(ws, extra: new { skills = new[] { "phone" } });
        var omar = await app.InviteAgentAsync(ws, extra: new { skills = new[] { "phone", "billing" } });

        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.GetAsync("/api/v1/callbacks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.Client.ClaimCallbackAsync(callback.Id)).StatusCode);
        Assert.Equal([callback.Id], (await rita.Client.CallbackQueueAsync()).Items.Select(c => c.Id));

        var claimed = await (await rita.Client.ClaimCallbackAsync(callback.Id)).ReadAsync<CallbackResponse>(HttpStatusCode.OK);
        Assert.Equal(rita.Id, claimed.ClaimedById);
        Assert.Equal(HttpStatusCode.Conflict, (await omar.Client.ClaimCallbackAsync(callback.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await omar.Client.CallBackAsync(callback.Id, new { outcome = "reached", durationSeconds = 60 })).StatusCode);
        Assert.Equal(rita.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        Assert.Single(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.CallbackClaimed && e.ActorId == rita.Id && e.To == "+370 612 34567");

        var noAnswer = await (await rita.Client.CallBackAsync(callback.Id, new { outcome = "noAnswer" })).ReadAsync<CallbackResponse>(HttpStatusCode.OK);
        Assert.Equal((CallbackState.Upcoming, 1, CallOutcome.NoAnswer), (noAnswer.State, noAnswer.Attempts, noAnswer.LastOutcome));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var done = await (await rita.Client.CallBackAsync(callback.Id, new { outcome = "reached", durationSeconds = 310, notes = "Outage explained, credit promised." }))
            .ReadAsync<CallbackResponse>(HttpStatusCode.OK);
        Assert.Equal((CallbackState.Completed, 2), (done.State, done.Attempts));
        Assert.Single(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.CallbackClaimed); // trying again is not claiming again

        var calls = await ws.Owner.CallsAsync(ticket.Id);
        Assert.Equal([0, 310], calls.Select(c => c.DurationSeconds));
        Assert.All(calls, c => Assert.Equal(("+370 612 34567", callback.Id), (c.To, c.CallbackId)));
        Assert.Empty((await rita.Client.CallbackQueueAsync()).Items);
        Assert.Equal([callback.Id], (await rita.Client.CallbackQueueAsync("?state=completed")).Items.Select(c => c.Id));
        await (await rita.Client.PostJsonAsync($"/api/v1/callbacks/{callback.Id}/cancel", new { })).AssertFieldErrorAsync("status");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_contractor_on_the_phones_sees_only_callbacks_of_tickets_given_to_them(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var contractor = await app.InviteAgentAsync(ws, AgentRole.Contractor, extra: new { skills = new[] { "phone" } });
        var theirs = await ws.Owner.CreateTicketAsync(extra: new { assigneeId = contractor.Id });
        var other = await ws.Owner.CreateTicketAsync();
        var visible = await ws.Owner.RequestCallbackAsync(theirs.Id, "2026-11-24T09:00", "2026-11-24T10:00");
        var hidden = await ws.Owner.RequestCallbackAsync(other.Id, "2026-11-24T09:00", "2026-11-24T10:00");

        Assert.Equal([visible.Id], (await contractor.Client.CallbackQueueAsync()).Items.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.Client.GetAsync($"/api/v1/callbacks/{hidden.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.Client.ClaimCallbackAsync(hidden.Id)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_callback_for_someone_without_a_ticket_opens_a_phone_ticket_and_bad_asks_name_the_field(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var window = new { phone = "+34 600 123 456", windowStart = "2026-11-25T10:00", windowEnd = "2026-11-25T12:00", timeZone = "Europe/Madrid" };

        var callback = await (await ws.Owner.AskCallbackAsync(new
        {
            window.phone,
            window.windowStart,
            window.windowEnd,
            window.timeZone,
            requester = new { email = "lucia@example.es", name = "Lucía" },
            subject = "Llamadme, por favor",
            notes = "Sobre la factura de octubre",
        })).ReadAsync<CallbackResponse>(HttpStatusCode.Created);
        var ticket = await ws.Owner.GetTicketAsync(callback.TicketId);
        Assert.Equal((Channel.Phone, "Llamadme, por favor", "lucia@example.es"), (ticket.Channel, ticket.Subject, ticket.Requester.Email));

        await (await ws.Owner.AskCallbackAsync(window)).AssertFieldErrorAsync("requester.email");
        await (await ws.Owner.AskCallbackAsync(window with { phone = "soon" })).AssertFieldErrorAsync("phone");
        await (await ws.Owner.AskCallbackAsync(window with { timeZone = "Mars/Olympus" })).AssertFieldErrorAsync("timeZone");
        await (await ws.Owner.AskCallbackAsync(window with { windowStart = "tomorrow" })).AssertFieldErrorAsync("windowStart");
        await (await ws.Owner.AskCallbackAsync(window with { windowEnd = "2026-11-25T10:05" })).AssertFieldErrorAsync("windowEnd");
        await (await ws.Owner.AskCallbackAsync(window with { windowStart = "2026-10-01T10:00", windowEnd = "2026-10-01T12:00" })).AssertFieldErrorAsync("windowEnd");
    }

    private static string Manila(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
