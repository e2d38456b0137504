using System.Collections.Concurrent;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>
/// Inside every save that changes tickets: one delivery row and one outbox message per event and
/// subscriber, written in the same transaction as the change. A rolled-back change owes nobody
/// anything; a committed one is delivered even if the process dies a moment later.
/// </summary>
public sealed class WebhookFanOut(WebhookSubscribers subscribers, TimeProvider time) : ISaveParticipant
{
    public const string OutboxKind = "webhook.delivery";
    internal static readonly JsonSerializerOptions Json = CreateJson();
    private static readonly object Marker = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TicketEvent, object> _fannedOut = [];

    public ValueTask PrepareAsync(HeliodeskDb db, CancellationToken ct) => FanOutAsync(db, ct);

    private async ValueTask FanOutAsync(HeliodeskDb db, CancellationToken ct)
    {
        // A unit of work can be prepared twice (the group-commit writer's plan, then EF's own save when
        // the plan declines), so each event is fanned out once.
        var added = db.ChangeTracker.Entries<TicketEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => _fannedOut.TryAdd(e, Marker)).ToList();
        if (added.Count == 0)
        {
            return;
        }
        var tickets = db.ChangeTracker.Entries<Ticket>().Select(e => e.Entity).ToDictionary(t => t.Id);
        var messages = db.ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added).ToDictionary(e => e.Entity.Id, e => e.Entity);
        var now = time.GetUtcNow();
        foreach (var workspace in added.GroupBy(e => e.WorkspaceId))
        {
            var subscriptions = await subscribers.ForWorkspaceAsync(db, workspace.Key, ct);
            if (subscriptions.Count == 0)
            {
                continue;
            }
            foreach (var changes in workspace.GroupBy(e => e.TicketId))
            {
                if (!tickets.TryGetValue(changes.Key, out var ticket))
                {
                    continue;
                }
                foreach (var evt in WebhookEvents.From(ticket, changes.ToList(), messages))
                {
                    var payload = JsonSerializer.Serialize(evt, Json);
                    foreach (var subscription in subscriptions.Where(s => s.Events.Contains(evt.Type)))
                    {
                        Owe(db, subscription.Id, evt, payload, now);
                    }
                }
            }
        }
    }

    internal static void Owe(HeliodeskDb db, Guid subscriptionId, WebhookEvent evt, string payload, DateTimeOffset now)
    {
        var delivery = new WebhookDelivery
        {
            WorkspaceId = evt.WorkspaceId,
            SubscriptionId = subscriptionId,
            EventId = evt.Id,
            EventType = evt.Type,
            Payload = payload,
            CreatedAt = now,
        };
        db.AddRange(delivery, Dispatch(delivery, now));
    }

    // Sequential ids: the dispatcher sends what is due in id order, so a receiver sees one ticket's
    // events in the order they happened.
    internal static OutboxMessage Dispatch(WebhookDelivery delivery, DateTimeOffset now) => new()
    {
        Id = SequentialGuid.Next(),
        WorkspaceId = delivery.WorkspaceId,
        Kind = OutboxKind,
        Payload = JsonSerializer.Serialize(new DeliveryRef(delivery.Id), Json),
        SubjectId = delivery.SubscriptionId,
        CreatedAt = now,
        DueAt = now,
    };

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Apply(options);
        return options;
    }
}

public sealed record DeliveryRef(Guid DeliveryId);

/// <summary>
/// Who listens in each workspace, cached briefly: the lookup runs inside every ticket save. A change
/// made on this node is seen at once; on other nodes within <see cref="Freshness"/>.
/// </summary>
public sealed class WebhookSubscribers(TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Until, List<Subscriber> List)> _cache = new();

    public sealed record Subscriber(Guid Id, List<string> Events);

    public async Task<List<Subscriber>> ForWorkspaceAsync(HeliodeskDb db, Guid workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && cached.Until > now)
        {
            return cached.List;
        }
        var list = await db.Set<WebhookSubscription>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.WorkspaceId == workspaceId && s.IsActive)
            .Select(s => new Subscriber(s.Id, s.Events)).ToListAsync(ct);
        _cache[workspaceId] = (now + Freshness, list);
        return list;
    }

    public void Changed(Guid workspaceId) => _cache.TryRemove(workspaceId, out _);
}
