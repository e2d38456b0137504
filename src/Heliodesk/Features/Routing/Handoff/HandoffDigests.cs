using Heliodesk.Data;
using Heliodesk.Features.Routing.Tank;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>
/// Writes a digest when a region's day ends (its last agent goes off shift), after that shift's handoffs ran, and
/// posts it through the outbox to the region's webhook when one is set. The digest row's unique key (workspace,
/// region, instant) makes it once; the outbox message commits with it, so it is posted at least once and never
/// before it exists.
/// </summary>
public sealed class HandoffDigests(HeliodeskDb db, Outbox.Outbox outbox, IOptions<HandoffSettings> settings)
{
    public const string OutboxKind = "handoff-digest";

    public async Task<int> RunAsync(IReadOnlyList<RegionalSchedule> schedules, DateTimeOffset now, CancellationToken ct)
    {
        var instant = Instant.FromDateTimeOffset(now);
        var written = 0;
        foreach (var change in ShiftChanges.RegionEndsBetween(schedules, instant - Duration.FromTimeSpan(settings.Value.CatchUp), instant))
        {
            var at = change.At.ToDateTimeOffset();
            if (await db.Set<HandoffDigest>().AnyAsync(d => d.Region == change.Region && d.At == at, ct))
            {
                continue;
            }
            var incoming = ShiftChanges.IncomingRegion(schedules.Where(s => !change.GoingOff.Contains(s.AgentId)), change.At);
            var comingOn = incoming is null ? [] : ShiftChanges.ComingOn(schedules, incoming, change.At, Duration.FromHours(1));
            var facts = await GatherAsync(change, incoming, comingOn, ct);
            var (text, payload) = DigestContent.Build(facts);
            var hook = await db.Set<RegionDigestHook>().AnyAsync(h => h.Region == change.Region, ct);
            var digest = new HandoffDigest { WorkspaceId = db.CurrentWorkspaceId, Region = change.Region, At = at, Text = text, Payload = payload, Posted = hook };
            db.Set<HandoffDigest>().Add(digest);
            if (hook)
            {
                outbox.Enqueue(OutboxKind, new DigestDelivery(digest.Id), digest.Id);
            }
            written += await RoutingClaims.SaveUnlessChangedAsync(db, ct) ? 1 : 0;
        }
        return written;
    }

    private async Task<DigestFacts> GatherAsync(RegionalChange change, string? incoming, IReadOnlyList<Guid> comingOn, CancellationToken ct)
    {
        var (from, to) = (change.CoverageStart.ToDateTimeOffset(), change.At.ToDateTimeOffset());
        var handoffs = await db.Set<TicketHandoff>().AsNoTracking()
            .Where(h => h.FromRegion == change.Region && h.At > from)
            .Join(db.Tickets, h => h.TicketId, t => t.Id, (h, t) => new { h.Outcome, h.KeptBecause, h.ToRegion, t.Number, t.Subject })
            .OrderBy(x => x.Number).ToListAsync(ct);
        var tank = await db.Set<TankMark>().AsNoTracking()
            .Join(db.Tickets.Where(t => TicketStatuses.Unsolved.Contains(t.Status)), m => m.TicketId, t => t.Id, (m, t) => new { t.Number, t.Subject, m.Reason })
            .OrderBy(x => x.Number).ToListAsync(ct);
        var waiting = await db.Set<TicketRouting>().AsNoTracking().Where(r => r.State == RoutingState.Queued)
            .Join(db.Tickets.Where(t => t.AssigneeId == null && TicketStatuses.Unsolved.Contains(t.Status)), r => r.TicketId, t => t.Id, (r, t) => new { r.QueueId, t.Language })
            .ToListAsync(ct);
        var skills = await db.Set<RoutingQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Skills, ct);
        var depth = waiting
            .SelectMany(w => (w.QueueId is { } q && skills.TryGetValue(q, out var s) && s.Count > 0 ? s : ["any skill"]).Select(skill => (Language: LanguageNames.Of(w.Language), Skill: skill)))
            .GroupBy(x => x).Select(g => new QueueDepth(g.Key.Language, g.Key.Skill, g.Count()))
            .OrderByDescending(d => d.Waiting).ThenBy(d => d.Language, StringComparer.Ordinal).ThenBy(d => d.Skill, StringComparer.Ordinal).ToList();
        var people = change.GoingOff.Concat(comingOn).Distinct().ToList();
        var names = await db.Agents.AsNoTracking().Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        return new DigestFacts(change.Region, to, incoming,
            [.. handoffs.Where(h => h.Outcome is HandoffOutcome.HandedOver or HandoffOutcome.Deferred)
                .Select(h => new DigestTicket(h.Number, h.Subject, h.Outcome == HandoffOutcome.Deferred ? "waiting for a reply being written" : $"to {h.ToRegion ?? "any region"}"))],
            [.. handoffs.Where(h => h.Outcome == HandoffOutcome.Kept).Select(h => new DigestTicket(h.Number, h.Subject, h.KeptBecause))],
            [.. tank.Select(t => new DigestTicket(t.Number, t.Subject, t.Reason))],
            depth,
            [.. comingOn.Select(id => names.GetValueOrDefault(id, "?")).Order(StringComparer.CurrentCulture)],
            [.. change.GoingOff.Select(id => names.GetValueOrDefault(id, "?")).Order(StringComparer.CurrentCulture)]);
    }
}

public sealed record DigestDelivery(Guid DigestId);
