using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Routing;

/// <summary>These tests move the clock, so each runs on an application of its own.</summary>
public sealed class OverflowTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_waiting_ticket_widens_to_any_region_then_to_the_fallback_language_each_step_on_its_history(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("Europe", new { region = "EMEA", overflowAfterSeconds = 60 });
        await ws.Owner.CreateRuleAsync(queue.Id);
        var vilnius = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA");
        var manila = await app.OnlineAgentAsync(ws, ["lt"], region: "APAC");
        var lithuanian = await ws.Owner.CreateTicketAsync("Sveiki", extra: new { language = "lt" });
        var japanese = await ws.Owner.CreateTicketAsync("こんにちは", extra: new { language = "ja" });

        await app.RouteNowAsync();
        Assert.Equal((null, null), (await AssigneeAsync(ws, lithuanian), await AssigneeAsync(ws, japanese)));
        var waiting = await ws.Owner.RoutingOfAsync(lithuanian.Id);
        Assert.Equal(("EMEA", OverflowSteps.Strict), (waiting.Region, waiting.OverflowStep));
        Assert.Contains(waiting.Candidates, c => c.AgentId == manila.Id && !c.Eligible && c.Reasons.SequenceEqual(["not in region EMEA"]));
        Assert.Contains(waiting.Candidates, c => c.AgentId == vilnius.Id && !c.Eligible && c.Reasons.SequenceEqual(["no Lithuanian"]));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.RouteNowAsync();
        Assert.Equal((manila.Id, null), (await AssigneeAsync(ws, lithuanian), await AssigneeAsync(ws, japanese)));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.RouteNowAsync();
        Assert.Equal(vilnius.Id, await AssigneeAsync(ws, japanese));
        var routed = await vilnius.Client.RoutingOfAsync(japanese.Id);
        Assert.Equal((true, "English (needs Japanese), T1, least loaded"), (routed.NeedsLanguage, routed.Reason));
        var steps = (await ws.Owner.EventsAsync(japanese.Id)).Where(e => e.Type == TicketEventType.Overflowed).Select(e => e.To);
        Assert.Equal(["overflow: any region", "overflow: English speakers allowed (needs language)"], steps);
    }

    private static async Task<Guid?> AssigneeAsync(TestWorkspace ws, TicketResponse ticket) => (await ws.Owner.GetTicketAsync(ticket.Id)).AssigneeId;
}
