using System.Net;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Routing;

public sealed class RoutingClaimTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_batch_with_one_ticket_a_person_assigned_meanwhile_claims_the_rest_and_leaves_that_one_alone(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("General");
        await ws.Owner.CreateRuleAsync(queue.Id);
        var tickets = new List<TicketResponse>();
        for (var i = 0; i < 3; i++)
        {
            tickets.Add(await ws.Owner.CreateTicketAsync($"Waiting {i}"));
        }
        // Both agents stay offline, so no routing pass of the app's own takes the tickets: only the claim below does.
        var router = await app.OnlineAgentAsync(ws, ["en"], online: false);
        var person = await app.OnlineAgentAsync(ws, ["en"], online: false);
        await app.RouteNowAsync(); // all three wait in the queue

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        // The router read the middle ticket before a lead assigned it by hand: its decision is now stale.
        _ = await db.Tickets.SingleAsync(t => t.Id == tickets[1].Id, TestContext.Current.CancellationToken);
        _ = await db.Set<TicketRouting>().SingleAsync(r => r.TicketId == tickets[1].Id, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, (await ws.Owner.PatchTicketAsync(tickets[1].Id, new { assigneeId = person.Id })).StatusCode);

        var claimed = await scope.ServiceProvider.GetRequiredService<RoutingClaims>().TryClaimAllAsync(
            [.. tickets.Select(t => new RoutingClaim(t.Id, router.Id, "English, T1, least loaded", false))],
            app.Clock.GetUtcNow(), TestContext.Current.CancellationToken);

        Assert.Equal(2, claimed);
        Assert.Equal([router.Id, person.Id, router.Id], [.. await Task.WhenAll(tickets.Select(async t => (await ws.Owner.GetTicketAsync(t.Id)).AssigneeId!.Value))]);
        Assert.DoesNotContain(await ws.Owner.EventsAsync(tickets[1].Id), e => e.Type == TicketEventType.Routed);
        Assert.Single(await ws.Owner.EventsAsync(tickets[2].Id), e => e.Type == TicketEventType.Routed);
    }
}
