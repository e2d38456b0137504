using System.Collections.Concurrent;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using Heliodesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Outbox;

/// <summary>
/// The outbox's promises: a side effect exists only if the change that caused it committed; each one
/// runs once per id even with several nodes; failures retry with backoff; a dead node's work resumes.
/// </summary>
public sealed class OutboxTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_side_effect_of_a_rolled_back_change_never_runs_and_a_committed_one_runs_once(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var (node, effects) = Node(app);
        var ws = await app.CreateWorkspaceAsync();

        await EnqueueAsync(node, ws.Id, "rolled back", commit: false);
        var committed = await EnqueueAsync(node, ws.Id, "committed", commit: true);

        var dispatcher = node.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal([(committed, "committed")], effects.Done.ToArray());
        Assert.Equal(OutboxStatus.Done, (await ReadAsync(node, committed)).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_failing_side_effect_is_retried_after_a_growing_backoff_then_given_up(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var (node, effects) = Node(app);
        var ws = await app.CreateWorkspaceAsync();
        var dispatcher = node.Services.GetRequiredService<OutboxDispatcher>();
        effects.FailuresLeft["flaky"] = 2;
        var flaky = await EnqueueAsync(node, ws.Id, "flaky", commit: true);

        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var afterFirst = await ReadAsync(node, flaky);
        Assert.Equal((OutboxStatus.Pending, 1), (afterFirst.Status, afterFirst.Attempts));
        Assert.Contains("refused", afterFirst.LastError);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None)); // not due yet

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None)); // the second wait is a minute
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var done = await ReadAsync(node, flaky);
        Assert.Equal((OutboxStatus.Done, 3, null), (done.Status, done.Attempts, done.LastError));
        Assert.Single(effects.Done);

        effects.FailuresLeft["hopeless"] = int.MaxValue;
        var hopeless = await EnqueueAsync(node, ws.Id, "hopeless", commit: true);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromHours(7));
        }
        var failed = await ReadAsync(node, hopeless);
        Assert.Equal((OutboxStatus.Failed, 10), (failed.Status, failed.Attempts));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Work_a_crashed_node_held_resumes_on_another_node_after_the_lease_with_the_same_id(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var (first, _) = Node(app);
        var (second, effects) = Node(app);
        var ws = await app.CreateWorkspaceAsync();
        var id = await EnqueueAsync(first, ws.Id, "orphaned", commit: true);

        // The first node takes the message and dies before acknowledging it.
        Assert.True(await first.Services.GetRequiredService<OutboxDispatcher>().TryLeaseAsync(id, CancellationToken.None));
        var survivor = second.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await survivor.DispatchDueAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.DispatchDueAsync(CancellationToken.None));
        Assert.Equal([(id, "orphaned")], effects.Done.ToArray());
        var done = await ReadAsync(second, id);
        Assert.Equal((OutboxStatus.Done, 2), (done.Status, done.Attempts));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_nodes_dispatching_at_once_run_each_side_effect_exactly_once(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var effects = new Effects();
        var nodes = new[] { Node(app, effects).Host, Node(app, effects).Host };
        var ws = await app.CreateWorkspaceAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await EnqueueAsync(nodes[0], ws.Id, $"effect {i}", commit: true));
        }

        await Task.WhenAll(nodes.Select(n => Task.Run(async () =>
        {
            var dispatcher = n.Services.GetRequiredService<OutboxDispatcher>();
            while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
            {
            }
        })));

        Assert.Equal(ids.Order(), effects.Done.Select(d => d.Id).Order());
        Assert.Equal(30, effects.Done.Count);
    }

    private static (WebApplicationFactory<Program> Host, Effects Effects) Node(HeliodeskApplication app, Effects? effects = null)
    {
        effects ??= new Effects();
        var shared = effects;
        var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IOutboxHandler>(_ => new RecordingHandler(shared))));
        _ = host.Server;
        return (host, effects);
    }

    private static async Task<Guid> EnqueueAsync(WebApplicationFactory<Program> host, Guid workspaceId, string text, bool commit)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var message = scope.ServiceProvider.GetRequiredService<Features.Outbox.Outbox>().Enqueue(RecordingHandler.TestKind, text);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        return message.Id;
    }

    private static async Task<OutboxMessage> ReadAsync(WebApplicationFactory<Program> host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        return await db.Set<OutboxMessage>().IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed class Effects
    {
        public ConcurrentQueue<(Guid Id, string Text)> Done { get; } = new();
        public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();
    }

    private sealed class RecordingHandler(Effects effects) : IOutboxHandler
    {
        public const string TestKind = "test.record";

        public string Kind => TestKind;

        public Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            var text = message.Read<string>();
            if (effects.FailuresLeft.TryGetValue(text, out var left) && left > 0)
            {
                effects.FailuresLeft[text] = left - 1;
                throw new InvalidOperationException("The receiver refused the delivery.");
            }
            effects.Done.Enqueue((message.Id, text));
            return Task.CompletedTask;
        }
    }
}
