using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Routing;

public sealed class RouterTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_ticket_goes_to_the_queue_its_rule_names_and_to_an_online_agent_who_speaks_the_language(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var billing = await ws.Owner.CreateQueueAsync("Billing LT", new { skills = new[] { "billing" }, strategy = "leastLoaded" });
        await ws.Owner.CreateRuleAsync(billing.Id, new { language = "lt", tag = "billing" });
        var rasa = await app.OnlineAgentAsync(ws, ["lt", "en"], ["billing"]);
        await app.OnlineAgentAsync(ws, ["en"], ["billing"]);
        await app.OnlineAgentAsync(ws, ["lt"], ["billing"], online: false);

        var ticket = await ws.Owner.CreateTicketAsync("Sąskaita", extra: new { language = "lt", tags = new[] { "billing" } });
        await app.RouteNowAsync();

        Assert.Equal(rasa.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        var routing = await rasa.Client.RoutingOfAsync(ticket.Id);
        Assert.Equal((RoutingState.Assigned, "Lithuanian, Billing, T1, least loaded", false), (routing.State, routing.Reason, routing.NeedsLanguage));
        var events = await ws.Owner.EventsAsync(ticket.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.Queued && e.To == "Billing LT");
        Assert.Contains(events, e => e.Type == TicketEventType.Routed && e.To == "Lithuanian, Billing, T1, least loaded");
        Assert.Contains(events, e => e.Type == TicketEventType.AssigneeChanged && e.To == rasa.Id.ToString() && e.ActorKind == ActorKind.System);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Round_robin_takes_turns_across_passes_and_nobody_gets_a_second_ticket_before_everyone_has_one(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("General", new { strategy = "roundRobin" });
        await ws.Owner.CreateRuleAsync(queue.Id);
        var agents = new[] { await app.OnlineAgentAsync(ws, ["en"]), await app.OnlineAgentAsync(ws, ["en"]), await app.OnlineAgentAsync(ws, ["en"]) };

        var assignees = new List<Guid?>();
        for (var i = 0; i < 6; i++)
        {
            var ticket = await ws.Owner.CreateTicketAsync($"Question {i}");
            await app.RouteNowAsync();
            assignees.Add((await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        }

        var inTurn = agents.Select(a => a.Id).Order().Select(id => (Guid?)id).ToList();
        Assert.Equal([.. inTurn, .. inTurn], assignees);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_full_agent_waits_for_capacity_and_going_offline_stops_new_work_but_keeps_the_old(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var chat = await ws.Owner.CreateQueueAsync("Chat");
        await ws.Owner.CreateRuleAsync(chat.Id, new { channel = "chat" });
        var agent = await app.OnlineAgentAsync(ws, ["en"]);
        (await ws.Owner.PutAsJsonAsync($"/api/v1/agents/{agent.Id}/presence", new { maxConcurrentChats = 2 }, TestApi.Json)).EnsureSuccessStatusCode();

        var chats = new List<TicketResponse>();
        for (var i = 0; i < 3; i++)
        {
            chats.Add(await ws.Owner.CreateTicketAsync($"Chat {i}", extra: new { channel = "chat" }));
        }
        await app.RouteNowAsync();
        Assert.Equal([agent.Id, agent.Id, null], await AssigneesAsync(ws, chats));
        var presence = await agent.Client.SetMyStatusAsync(AgentStatus.Online);
        Assert.Equal((2, 2), (presence.LiveChats, presence.MaxConcurrentChats));

        await agent.Client.SetMyStatusAsync(AgentStatus.Offline);
        (await ws.Owner.PatchTicketAsync(chats[0].Id, new { status = "solved" })).EnsureSuccessStatusCode();
        await app.RouteNowAsync();
        Assert.Equal([agent.Id, agent.Id, null], await AssigneesAsync(ws, chats));

        await agent.Client.SetMyStatusAsync(AgentStatus.Online);
        await app.RouteNowAsync();
        Assert.Equal([agent.Id, agent.Id, agent.Id], await AssigneesAsync(ws, chats));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agent_pulls_the_most_urgent_then_the_oldest_ticket_and_the_router_never_pushes_a_pull_queue(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var team = await ws.Owner.CreateTeamAsync();
        var queue = await ws.Owner.CreateQueueAsync("Pull", new { strategy = "pull", teamId = team.Id });
        await ws.Owner.CreateRuleAsync(queue.Id);
        var member = await app.OnlineAgentAsync(ws, ["en"]);
        var outsider = await app.OnlineAgentAsync(ws, ["en"]);
        (await ws.Owner.SetTeamMembersAsync(team.Id, member.Id)).EnsureSuccessStatusCode();
        var older = await ws.Owner.CreateTicketAsync("Older, normal");
        var newer = await ws.Owner.CreateTicketAsync("Newer, normal");
        var urgent = await ws.Owner.CreateTicketAsync("Newest, urgent", extra: new { priority = "urgent" });
        await app.RouteNowAsync();
        Assert.Equal([null, null, null], await AssigneesAsync(ws, [older, newer, urgent]));

        Assert.Equal(HttpStatusCode.NoContent, (await outsider.Client.TakeNextAsync()).StatusCode);
        var first = await (await member.Client.TakeNextAsync()).ReadAsync<PulledTicket>(HttpStatusCode.OK);
        var second = await (await member.Client.TakeNextAsync()).ReadAsync<PulledTicket>(HttpStatusCode.OK);
        var third = await (await member.Client.TakeNextAsync()).ReadAsync<PulledTicket>(HttpStatusCode.OK);

        Assert.Equal([urgent.Id, older.Id, newer.Id], [first.TicketId, second.TicketId, third.TicketId]);
        Assert.Equal("English, T1, pulled", first.Reason);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.TakeNextAsync()).StatusCode);
        Assert.Equal([member.Id, member.Id, member.Id], await AssigneesAsync(ws, [older, newer, urgent]));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agents_pulling_at_once_never_get_the_same_ticket(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("Pull", new { strategy = "pull" });
        await ws.Owner.CreateRuleAsync(queue.Id);
        var agents = new List<TestAgent>();
        for (var i = 0; i < 4; i++)
        {
            agents.Add(await app.OnlineAgentAsync(ws, ["en"]));
        }
        var tickets = new List<TicketResponse>();
        for (var i = 0; i < 10; i++)
        {
            tickets.Add(await ws.Owner.CreateTicketAsync($"Ticket {i}"));
        }
        await app.RouteNowAsync();

        var pulls = await Task.WhenAll(agents.SelectMany(a => Enumerable.Range(0, 3).Select(_ => a)).Select(a => a.Client.TakeNextAsync()));

        var taken = new List<Guid>();
        foreach (var pull in pulls.Where(p => p.StatusCode == HttpStatusCode.OK))
        {
            taken.Add((await pull.ReadAsync<PulledTicket>(HttpStatusCode.OK)).TicketId);
        }
        Assert.Equal(10, taken.Count);
        Assert.Equal(tickets.Select(t => t.Id).Order(), taken.Order());
        foreach (var ticket in tickets)
        {
            Assert.Single(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.Routed);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_ticket_no_rule_matches_waits_unrouted_until_a_rule_takes_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var spanish = await ws.Owner.CreateQueueAsync("Spanish");
        await ws.Owner.CreateRuleAsync(spanish.Id, new { language = "es" });
        var agent = await app.OnlineAgentAsync(ws, ["en", "es"]);
        var ticket = await ws.Owner.CreateTicketAsync("Hello", extra: new { language = "en" });

        await app.RouteNowAsync();
        Assert.Equal(RoutingState.Unmatched, (await ws.Owner.RoutingOfAsync(ticket.Id)).State);

        var english = await ws.Owner.CreateQueueAsync("English");
        await ws.Owner.CreateRuleAsync(english.Id, new { language = "en" });
        await app.RouteNowAsync();
        Assert.Equal(agent.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agents_set_their_own_status_and_only_leads_set_capacity_or_anyone_elses_status(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.OnlineAgentAsync(ws, ["en"], online: false);
        var lead = await app.InviteAgentAsync(ws, AgentRole.Lead);

        Assert.Equal(AgentStatus.Away, (await agent.Client.SetMyStatusAsync(AgentStatus.Away)).Status);
        await (await agent.Client.PutAsJsonAsync("/api/v1/presence/me", new { maxConcurrentChats = 9 }, TestApi.Json)).AssertFieldErrorAsync("maxConcurrentChats");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PutAsJsonAsync($"/api/v1/agents/{lead.Id}/presence", new { status = "offline" }, TestApi.Json)).StatusCode);

        var set = await (await lead.Client.PutAsJsonAsync($"/api/v1/agents/{agent.Id}/presence", new { status = "online", maxConcurrentChats = 5, maxOpenTickets = 20 }, TestApi.Json))
            .ReadAsync<PresenceResponse>(HttpStatusCode.OK);
        Assert.Equal((AgentStatus.Online, 5, (int?)20), (set.Status, set.MaxConcurrentChats, set.MaxOpenTickets));
        var listed = await (await lead.Client.GetAsync("/api/v1/presence")).ReadAsync<List<PresenceResponse>>(HttpStatusCode.OK);
        Assert.Contains(listed, p => p.AgentId == agent.Id && p.Status == AgentStatus.Online && p.MaxOpenTickets == 20);
    }

    private static async Task<List<Guid?>> AssigneesAsync(TestWorkspace ws, IEnumerable<TicketResponse> tickets)
    {
        var assignees = new List<Guid?>();
        foreach (var ticket in tickets)
        {
            assignees.Add((await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        }
        return assignees;
    }
}
