using System.Net;
using Heliodesk.Common;
using Heliodesk.Components;
using Heliodesk.Components.Localization;
using Heliodesk.Components.Shared;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Channels.Phone.Pages;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Pages;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Heliodesk.Tests.Phone;

/// <summary>What the agent UI reads for calls and callbacks: the ticket's timeline and the callback boards.</summary>
public sealed class PhoneScreenTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Logged_calls_sit_in_the_ticket_timeline_in_the_order_they_happened_and_only_once(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Router keeps rebooting");
        var now = app.Clock.GetUtcNow();
        var reply = await ws.Owner.ReplyAsync(ticket.Id, "Try the reset button.");
        var later = await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "outbound", to = "+1 555 010 2000", startedAt = now.AddMinutes(2), durationSeconds = 90 }))
            .ReadAsync<PhoneCallResponse>(HttpStatusCode.Created);
        var earlier = await (await ws.Owner.LogCallAsync(ticket.Id, new { direction = "inbound", from = "+1 555 010 2000", startedAt = now.AddMinutes(-30), durationSeconds = 0 }))
            .ReadAsync<PhoneCallResponse>(HttpStatusCode.Created);

        var screen = await InAsync(app, Owner(ws), w => TicketScreen.LoadAsync(w.Db, w.Caller, ticket.Number, default));

        var conversation = screen!.Timeline.Where(e => e.Event is null)
            .Select(e => e.Call?.Id ?? e.Message!.Id).ToList();
        Assert.Equal(earlier.Id, conversation[0]);
        Assert.Equal([reply.Message.Id, later.Id], conversation[^2..]);
        Assert.DoesNotContain(screen.Timeline, e => e.Event?.Type == TicketEventType.CallLogged);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Callback_steps_read_as_translated_lines_in_the_timeline(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, ticket, callback) = await TicketAwaitingCallbackAsync(app);
        await (await ws.Owner.PostJsonAsync($"/api/v1/callbacks/{callback.Id}/cancel", new { reason = "She wrote back instead" })).ReadAsync<CallbackResponse>(HttpStatusCode.OK);

        var screen = await InAsync(app, Owner(ws), w => TicketScreen.LoadAsync(w.Db, w.Caller, ticket.Number, default));
        var text = app.Services.GetRequiredService<IStringLocalizer<UiText>>();
        var lines = screen!.Timeline.Where(e => e.Event is not null)
            .Select(e => TicketEventText.Describe(e.Event!, screen.AgentNames, new Dictionary<Guid, string>(), text)).ToList();

        Assert.Contains(lines, l => l.EndsWith("requested a callback: 2026-12-01T14:00–16:00 Europe/Vilnius", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("cancelled the callback: She wrote back instead", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_agent_sees_a_tickets_pending_callback_but_only_callback_workers_get_the_queue(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, ticket, callback) = await TicketAwaitingCallbackAsync(app);
        var writer = await app.InviteAgentAsync(ws);
        var caller = await app.InviteAgentAsync(ws, extra: new { skills = new[] { "phone" } });
        var contractor = await app.InviteAgentAsync(ws, AgentRole.Contractor, extra: new { skills = new[] { "phone" } });
        Caller As(TestAgent agent, AgentRole role = AgentRole.Agent) => new(ws.Id, agent.Id, role, agent.Agent.Name);

        var onTicket = await InAsync(app, As(writer), w => CallbackBoard.ForTicketAsync(w, ticket.Id, default));
        Assert.Equal((false, callback.Id), (onTicket.CanWork, Assert.Single(onTicket.Callbacks).Id));
        var refused = await InAsync(app, As(writer), w => CallbackBoard.QueueAsync(w, mine: false, pages: 1, default));
        Assert.Equal((false, 0), (refused.CanWork, refused.Callbacks.Count));

        var queue = await InAsync(app, As(caller), w => CallbackBoard.QueueAsync(w, mine: false, pages: 1, default));
        Assert.Equal((true, callback.Id), (queue.CanWork, Assert.Single(queue.Callbacks).Id));
        Assert.Empty((await InAsync(app, As(caller), w => CallbackBoard.QueueAsync(w, mine: true, pages: 1, default))).Callbacks);
        Assert.Empty((await InAsync(app, As(contractor, AgentRole.Contractor), w => CallbackBoard.QueueAsync(w, mine: false, pages: 1, default))).Callbacks);
        Assert.Empty((await InAsync(app, As(contractor, AgentRole.Contractor), w => CallbackBoard.ForTicketAsync(w, ticket.Id, default))).Callbacks);
    }

    [Fact]
    public void A_start_typed_in_the_agents_zone_becomes_the_instant_it_means_there()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), AgentTime.ToInstant(new DateTime(2026, 11, 24, 14, 0, 0), "Europe/Vilnius"));
        // 02:30 does not exist in New York that night: it means the moment the clocks jumped past.
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), AgentTime.ToInstant(new DateTime(2027, 3, 14, 2, 30, 0), "America/New_York"));
    }

    private static async Task<(TestWorkspace, TicketResponse, CallbackResponse)> TicketAwaitingCallbackAsync(HeliodeskApplication app)
    {
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        return (ws, ticket, await ws.Owner.RequestCallbackAsync(ticket.Id, "2026-12-01T14:00", "2026-12-01T16:00"));
    }

    private static Caller Owner(TestWorkspace ws) => new(ws.Id, ws.OwnerAgentId, AgentRole.Owner, "Olivia Owner");

    private static async Task<T> InAsync<T>(HeliodeskApplication app, Caller caller, Func<UiWork, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(caller.WorkspaceId);
        return await work(new UiWork(scope.ServiceProvider.GetRequiredService<HeliodeskDb>(), caller, scope.ServiceProvider));
    }
}
