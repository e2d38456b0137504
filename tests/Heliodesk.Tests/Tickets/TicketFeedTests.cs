using System.Collections.Concurrent;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Tickets;

/// <summary>Open screens hear about committed ticket changes in their own workspace, and only those.</summary>
public sealed class TicketFeedTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_committed_create_reply_and_change_each_reach_subscribers_of_that_workspace_only(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, other) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var feed = app.Services.GetRequiredService<TicketFeed>();
        var heard = new ConcurrentQueue<TicketChange>();
        var elsewhere = new ConcurrentQueue<TicketChange>();
        using var subscription = feed.Subscribe(ws.Id, heard.Enqueue);
        using var otherSubscription = feed.Subscribe(other.Id, elsewhere.Enqueue);

        var ticket = await ws.Owner.CreateTicketAsync("Printer on fire");
        var reply = await ws.Owner.ReplyAsync(ticket.Id, "Step away from the printer.");
        await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "urgent" });

        var changes = heard.Where(c => c.TicketId == ticket.Id).ToList();
        Assert.Contains(changes, c => c.Events.Contains(TicketEventType.Created) && c.Number == ticket.Number);
        Assert.Contains(changes, c => c.Events.Contains(TicketEventType.ReplyAdded) && c.MessageId == reply.Message.Id && c.Version == reply.Ticket.Version);
        Assert.Contains(changes, c => c.Events.Contains(TicketEventType.PriorityChanged) && c.ActorId == ws.OwnerAgentId);
        Assert.Empty(elsewhere);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_refused_write_publishes_nothing(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Stale edit");
        var heard = new ConcurrentQueue<TicketChange>();
        using var subscription = app.Services.GetRequiredService<TicketFeed>().Subscribe(ws.Id, heard.Enqueue);

        var stale = await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "high" }, ifMatch: ticket.Version + 5);
        var invalid = await ws.Owner.PatchTicketAsync(ticket.Id, new { status = "closed", priority = "low" });

        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Empty(heard);
    }

    [Fact]
    public void A_disposed_subscription_stops_hearing_and_a_failing_subscriber_does_not_stop_others()
    {
        var feed = new TicketFeed(Microsoft.Extensions.Logging.Abstractions.NullLogger<TicketFeed>.Instance);
        var workspace = Guid.NewGuid();
        var heard = new List<long>();
        using var broken = feed.Subscribe(workspace, _ => throw new InvalidOperationException("broken screen"));
        var subscription = feed.Subscribe(workspace, c => heard.Add(c.Number));
        var change = new TicketChange(workspace, Guid.NewGuid(), 7, 2, [TicketEventType.StatusChanged], null, null);

        feed.Publish([change]);
        subscription.Dispose();
        feed.Publish([change with { Number = 8 }]);

        Assert.Equal([7L], heard);
        Assert.Equal(1, feed.SubscriberCount(workspace));
    }
}
