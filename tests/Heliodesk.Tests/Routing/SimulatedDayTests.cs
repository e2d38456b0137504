using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Heliodesk.Tests.Routing;

/// <summary>
/// The demo workspace through one day on a fake clock, Monday 09:00 UTC to Tuesday 09:30 UTC: tickets in many
/// languages arrive every half hour, go to whichever region (AMER, EMEA, APAC) is at work, are handed over with
/// summaries at each shift change, and each region's digest is posted to a local webhook receiver.
/// </summary>
public sealed class SimulatedDayTests(TestDatabases databases)
{
    private static readonly string[] Languages = ["en", "es", "lt", "tl", "zh-Hans", "pt", "de", "ja", "sr"];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tickets_follow_the_sun_for_a_day_and_none_is_dropped_or_assigned_twice(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider, demo: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var demo = await db.Workspaces.SingleAsync(w => w.Name == "Demo");
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(demo.Id);
        using var owner = app.ClientWithToken(await OwnerTokenAsync(db, demo.Id));
        foreach (var region in new[] { "AMER", "EMEA", "APAC" })
        {
            await owner.SetDigestWebhookAsync(region, receiver.Url);
        }
        var start = app.Clock.GetUtcNow();
        var created = new List<Guid>();
        var noted = new Dictionary<Guid, string>();

        for (var step = 0; app.Clock.GetUtcNow() < start.AddHours(24.5); step++)
        {
            var language = Languages[step % Languages.Length];
            var ticket = await owner.CreateTicketAsync($"Question {step} ({language})", $"Message {step} in {language}",
                requesterEmail: $"customer{step}@example.com", extra: new { language });
            created.Add(ticket.Id);
            await DayPassAsync(app);
            if (step % 5 == 2 && (await owner.GetTicketAsync(ticket.Id)).AssigneeId is not null)
            {
                // The agent keeps a handoff note as they work, before knowing whether their shift ends first.
                var next = $"Next step for question {step}";
                await owner.WriteHandoffNoteAsync(ticket.Id, "Checked the account", next);
                noted[ticket.Id] = next;
            }
            app.Clock.Advance(TimeSpan.FromMinutes(30));
        }
        await DayPassAsync(app);

        db.ChangeTracker.Clear();
        var events = await db.TicketEvents.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        var agents = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, TestContext.Current.CancellationToken);

        // Routed only to agents on shift then, and to every region as the day goes round.
        var schedules = await scope.ServiceProvider.GetRequiredService<ScheduleStore>().LoadAsync([.. agents.Keys], DateOnly.FromDateTime(start.UtcDateTime.AddDays(-2)), TestContext.Current.CancellationToken);
        var routed = events.Where(e => e.Type == TicketEventType.Routed && e.At >= start).ToList();
        Assert.All(routed, e => Assert.True(ShiftCalendar.IsOnShift(schedules[Guid.Parse(e.From!)], Instant.FromDateTimeOffset(e.At)), $"{e.To} at {e.At} was off shift"));
        Assert.Equal(["AMER", "APAC", "EMEA"], routed.Select(e => agents[Guid.Parse(e.From!)].Region).Distinct().Order());

        // Handoffs at each region's shift changes, each with the customer's last words, and the notes written.
        var handoffs = await db.Set<TicketHandoff>().AsNoTracking().Where(h => h.Outcome == HandoffOutcome.HandedOver).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["AMER", "APAC", "EMEA"], handoffs.Select(h => h.FromRegion!).Distinct().Order());
        Assert.All(handoffs.Where(h => created.Contains(h.TicketId)), h => Assert.StartsWith("Message ", h.CustomerMessage));
        foreach (var (ticketId, next) in noted.Where(n => handoffs.Any(h => h.TicketId == n.Key)))
        {
            Assert.Contains(handoffs, h => h.TicketId == ticketId && h.NextStep == next && h.Tried == "Checked the account");
        }
        Assert.Contains(noted.Keys, id => handoffs.Any(h => h.TicketId == id));
        foreach (var group in events.Where(e => e.Type == TicketEventType.HandedOver).GroupBy(e => e.TicketId))
        {
            Assert.Equal(handoffs.Count(h => h.TicketId == group.Key), group.Count()); // once per shift change, never twice
        }

        // A digest per region, posted and kept.
        var posted = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!).ToList();
        foreach (var region in new[] { "AMER", "EMEA", "APAC" })
        {
            Assert.Contains(posted, text => text.StartsWith($"Handoff digest: {region} day ends", StringComparison.Ordinal));
        }
        Assert.Equal(posted.Count, posted.Distinct().Count());
        Assert.Equal(posted.Count, (await owner.DigestsAsync()).Items.Count(d => d.DeliveredAt is not null));

        // Nothing dropped: every open ticket has an agent or waits in a queue; nothing assigned twice.
        var open = await db.Tickets.AsNoTracking().Where(t => TicketStatuses.Unsolved.Contains(t.Status))
            .Select(t => new { t.Id, t.AssigneeId }).ToListAsync(TestContext.Current.CancellationToken);
        var waiting = await db.Set<TicketRouting>().AsNoTracking().Where(r => r.State == RoutingState.Queued).Select(r => r.TicketId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(open, t => Assert.True(t.AssigneeId is not null || waiting.Contains(t.Id), $"ticket {t.Id} has no agent and waits nowhere"));
        // Each new ticket reached an agent, or (arriving as its language's region went home) still waits in a queue.
        Assert.All(created, id => Assert.True(events.Any(e => e.TicketId == id && e.Type == TicketEventType.Routed) || waiting.Contains(id), $"ticket {id} was never routed"));
        Assert.All(events.Where(e => e.Type == TicketEventType.AssigneeChanged && e.ActorKind == ActorKind.System && e.To is not null && e.At >= start),
            e => Assert.Null(e.From));
    }

    /// <summary>What the workers do on their own every few seconds, run in order on the test's clock.</summary>
    private static async Task DayPassAsync(HeliodeskApplication app)
    {
        await app.RouteNowAsync();
        await app.HandOverNowAsync();
        await app.DeliverDueAsync();
        await app.RouteNowAsync();
    }

    // The demo owner signs in with a password shown once in the log; the test gives them a token instead.
    private static async Task<string> OwnerTokenAsync(HeliodeskDb db, Guid workspaceId)
    {
        var owner = await db.Agents.SingleAsync(a => a.Email == Features.Demo.DemoWorkspace.OwnerEmail);
        var secret = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken { WorkspaceId = workspaceId, AgentId = owner.Id, Name = "Test", Hash = ApiToken.HashOf(secret), Hint = ApiToken.HintOf(secret) });
        await db.SaveChangesAsync();
        return secret;
    }
}
