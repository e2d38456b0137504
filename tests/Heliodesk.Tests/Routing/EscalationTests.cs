using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Routing;

public sealed class EscalationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Escalating_needs_a_reason_and_a_handoff_note_and_requeues_the_ticket_for_the_next_tier_and_back(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var tier2 = await ws.Owner.CreateQueueAsync("Tier 2", new { tier = 2 });
        var tier1 = await ws.Owner.CreateQueueAsync("Tier 1");
        await ws.Owner.CreateRuleAsync(tier2.Id, new { minTier = 2, position = 10 });
        await ws.Owner.CreateRuleAsync(tier1.Id, new { position = 20 });
        var first = await app.OnlineAgentAsync(ws, ["en"], tier: 1);
        var second = await app.OnlineAgentAsync(ws, ["en"], tier: 2);
        (await ws.Owner.PutAsJsonAsync($"/api/v1/agents/{second.Id}/presence", new { maxOpenTickets = 1 }, TestApi.Json)).EnsureSuccessStatusCode();
        var busy = await ws.Owner.CreateTicketAsync("Keeps tier 2 busy", extra: new { tier = 2 });
        await app.RouteNowAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Export crashes");
        await app.RouteNowAsync();
        Assert.Equal(first.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);

        await (await first.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/escalate", new { reason = "Needs log access" }, TestApi.Json)).AssertFieldErrorAsync("note");
        await (await first.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/escalate", new { note = "Tried a re-export" }, TestApi.Json)).AssertFieldErrorAsync("reason");
        var escalated = await (await first.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/escalate",
            new { reason = "Needs log access", note = "Tried a re-export; it fails on invoices with a 0 total." }, TestApi.Json)).ReadAsync<TicketResponse>(HttpStatusCode.OK);
        Assert.Equal((2, null), (escalated.Tier, escalated.AssigneeId));

        (await ws.Owner.PatchTicketAsync(busy.Id, new { status = "solved" })).EnsureSuccessStatusCode();
        await app.RouteNowAsync();
        Assert.Equal(second.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        Assert.Equal(("Tier 2", "English, T2, least loaded"), await QueueAndReasonAsync(second, ticket));
        var events = await ws.Owner.EventsAsync(ticket.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.Escalated && e.From == "T1" && e.To == "T2: Needs log access" && e.ActorId == first.Id);
        var notes = await (await second.Client.GetAsync($"/api/v1/tickets/{ticket.Id}/messages")).ReadAsync<string>(HttpStatusCode.OK, raw: true);
        Assert.Contains("Handoff to T2: Tried a re-export; it fails on invoices with a 0 total.", notes);

        await (await second.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/deescalate", new { reason = "Fixed the logs, T1 can answer" }, TestApi.Json))
            .ReadAsync<TicketResponse>(HttpStatusCode.OK);
        await app.RouteNowAsync();
        Assert.Equal(first.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId);
        Assert.Contains(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.Deescalated && e.To == "T1: Fixed the logs, T1 can answer");
        await (await first.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/deescalate", new { reason = "Lower still" }, TestApi.Json)).AssertFieldErrorAsync("tier");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_a_tier_3_ticket_links_an_engineering_issue(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Data loss", extra: new { tier = 2 });
        var link = new { url = "https://github.com/acme/app/issues/42", status = "inProgress" };

        await (await ws.Owner.PutAsJsonAsync($"/api/v1/tickets/{ticket.Id}/engineering-issue", link, TestApi.Json)).AssertFieldErrorAsync("tier");
        (await ws.Owner.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/escalate", new { reason = "Bug", note = "Reproduced on staging" }, TestApi.Json)).EnsureSuccessStatusCode();
        await (await ws.Owner.PutAsJsonAsync($"/api/v1/tickets/{ticket.Id}/engineering-issue", new { url = "javascript:alert(1)" }, TestApi.Json)).AssertFieldErrorAsync("url");
        var linked = await (await ws.Owner.PutAsJsonAsync($"/api/v1/tickets/{ticket.Id}/engineering-issue", link, TestApi.Json)).ReadAsync<EngineeringIssueResponse>(HttpStatusCode.OK);

        Assert.Equal(("https://github.com/acme/app/issues/42", EngineeringIssueStatus.InProgress), (linked.Url, linked.Status));
        Assert.Equal(linked.Url, (await ws.Owner.RoutingOfAsync(ticket.Id)).EngineeringIssue?.Url);
        Assert.Contains(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == TicketEventType.EngineeringIssueLinked && e.To == "InProgress: https://github.com/acme/app/issues/42");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_tier_mix_counts_tickets_solved_at_each_tier_against_the_target(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        foreach (var tier in new[] { 1, 1, 1, 2 })
        {
            await ws.Owner.CreateTicketAsync($"Solved at T{tier}", extra: new { tier, status = "solved" });
        }
        await ws.Owner.CreateTicketAsync("Still open at T3", extra: new { tier = 3 });

        var mix = await (await ws.Owner.GetAsync("/api/v1/reports/tier-mix?target=90,10")).ReadAsync<TierMixResponse>(HttpStatusCode.OK);

        Assert.Equal(4, mix.Solved);
        Assert.Equal([(1, 3, 75.0, 90.0, -15.0), (2, 1, 25.0, 10.0, 15.0), (3, 0, 0.0, 0.0, 0.0)],
            mix.Tiers.Select(t => (t.Tier, t.Solved, t.Share, t.Target, t.Gap)));
        Assert.False(mix.OnTarget);
        await (await ws.Owner.GetAsync("/api/v1/reports/tier-mix?target=90,20")).AssertFieldErrorAsync("target");
    }

    private static async Task<(string?, string?)> QueueAndReasonAsync(TestAgent agent, TicketResponse ticket)
    {
        var routing = await agent.Client.RoutingOfAsync(ticket.Id);
        return (routing.QueueName, routing.Reason);
    }
}
