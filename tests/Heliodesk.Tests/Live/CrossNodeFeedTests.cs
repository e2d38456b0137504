using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Heliodesk.Tests.Live;

/// <summary>
/// Two nodes on one PostgreSQL database: a change or a viewer on one node reaches the screens of the
/// other through the live relay (docs/decisions/0046), once each, also after the listener was cut.
/// </summary>
public sealed class CrossNodeFeedTests(TestDatabases databases)
{
    [Fact]
    public async Task A_change_made_through_one_node_reaches_the_other_nodes_screens_once()
    {
        var (a, b) = await ListeningNodesAsync();
        var ws = await a.CreateWorkspaceAsync();
        using var onA = new FeedProbe(a.Services.GetRequiredService<TicketFeed>(), ws.Id);
        using var onB = new FeedProbe(b.Services.GetRequiredService<TicketFeed>(), ws.Id);
        using var ownerOnB = b.ClientWithToken(ws.OwnerToken);

        var ticket = await ws.Owner.CreateTicketAsync("Invoices missing");
        var created = await onB.WaitForAsync(c => c.TicketId == ticket.Id && c.Events.Contains(TicketEventType.Created));
        var reply = await ownerOnB.ReplyAsync(ticket.Id, "Looking into it.");
        var replied = await onA.WaitForAsync(c => c.MessageId == reply.Message.Id);
        await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "urgent" });
        await onB.WaitForAsync(c => c.TicketId == ticket.Id && c.Events.Contains(TicketEventType.PriorityChanged));

        Assert.Equal((ws.Id, ticket.Number, ticket.Version), (created.WorkspaceId, created.Number, created.Version));
        Assert.Equal((reply.Ticket.Version, ws.OwnerAgentId), (replied.Version, replied.ActorId));
        // PostgreSQL hands notifications to each listener in commit order, so by the time a node heard the
        // other's later change it had also heard its own earlier one back, and must have skipped it.
        Assert.Single(onA.Heard, c => c.Events.Contains(TicketEventType.Created));
        Assert.Single(onB.Heard, c => c.MessageId == reply.Message.Id);
    }

    [Fact]
    public async Task After_its_listening_connection_is_killed_a_node_listens_again_and_still_hears_changes()
    {
        var (a, b) = await ListeningNodesAsync();
        var relay = b.Services.GetRequiredService<PostgresLiveRelay>();
        var ws = await a.CreateWorkspaceAsync();
        using var onB = new FeedProbe(b.Services.GetRequiredService<TicketFeed>(), ws.Id);
        var generation = relay.ListenGeneration;

        Assert.Equal(1, await TerminateListenerAsync(b, relay.NodeId));
        await relay.WaitUntilListeningAsync(generation, TestContext.Current.CancellationToken).WaitAsync(FeedProbe.Patience);
        var ticket = await ws.Owner.CreateTicketAsync("After the cut");

        await onB.WaitForAsync(c => c.TicketId == ticket.Id);
    }

    [Fact]
    public async Task Who_views_and_types_on_one_node_is_shown_on_the_other_until_they_leave()
    {
        var (a, b) = await ListeningNodesAsync();
        var ws = await a.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync("Shared screen");
        var (presenceA, presenceB) = (a.Services.GetRequiredService<TicketPresence>(), b.Services.GetRequiredService<TicketPresence>());
        var changed = new ViewerWatch(presenceB, ticket.Id);
        using var watcher = presenceB.Join(ticket.Id, Guid.NewGuid(), "Watcher on B", changed.Check);

        var session = presenceA.Join(ticket.Id, ws.OwnerAgentId, "Owner on A", () => { });
        var seen = await changed.WaitForAsync(v => v.Any(x => x.SessionId == session.Id && !x.IsTyping));
        // The other way round as well: A learns of B's watcher through the relay, which is asynchronous.
        var deadline = Patience.Deadline;
        while (!presenceA.ViewersOf(ticket.Id).Any(v => v.SessionId == watcher.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Contains(presenceA.ViewersOf(ticket.Id), v => v.SessionId == watcher.Id);
        session.Typing(true);
        await changed.WaitForAsync(v => v.Any(x => x.SessionId == session.Id && x.IsTyping));
        session.Dispose();
        await changed.WaitForAsync(v => v.All(x => x.SessionId != session.Id));

        Assert.Equal((ws.OwnerAgentId, await AgentNameAsync(b, ws.OwnerAgentId)), seen.Where(x => x.SessionId == session.Id).Select(x => (x.AgentId, x.Name)).Single());
    }

    private async Task<(HeliodeskApplication A, HeliodeskApplication B)> ListeningNodesAsync()
    {
        var (a, b) = await databases.TwoPostgresNodesAsync();
        foreach (var node in new[] { a, b })
        {
            await node.Services.GetRequiredService<PostgresLiveRelay>().WaitUntilListeningAsync(0, TestContext.Current.CancellationToken).WaitAsync(FeedProbe.Patience);
        }
        return (a, b);
    }

    private static async Task<int> TerminateListenerAsync(HeliodeskApplication node, Guid nodeId)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var connection = (NpgsqlConnection)scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", $"heliodesk-live {nodeId:N}");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task<string> AgentNameAsync(HeliodeskApplication node, Guid agentId)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Set<Agent>().IgnoreQueryFilters()
            .Where(x => x.Id == agentId).Select(x => x.Name).SingleAsync();
    }

    /// <summary>Completes waits on the viewers of one ticket as its presence callbacks report changes.</summary>
    private sealed class ViewerWatch(TicketPresence presence, Guid ticketId)
    {
        private readonly Lock _lock = new();
        private readonly List<(Func<IReadOnlyList<TicketViewer>, bool> Match, TaskCompletionSource<IReadOnlyList<TicketViewer>> Done)> _waits = [];

        public Task<IReadOnlyList<TicketViewer>> WaitForAsync(Func<IReadOnlyList<TicketViewer>, bool> match)
        {
            var done = new TaskCompletionSource<IReadOnlyList<TicketViewer>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                _waits.Add((match, done));
            }
            Check();
            return done.Task.WaitAsync(FeedProbe.Patience);
        }

        public void Check()
        {
            var viewers = presence.ViewersOf(ticketId);
            lock (_lock)
            {
                foreach (var wait in _waits.Where(w => w.Match(viewers)).ToList())
                {
                    _waits.Remove(wait);
                    wait.Done.TrySetResult(viewers);
                }
            }
        }
    }
}
