using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Heliodesk.Features.Workforce;

/// <summary>One hour of the forecast: expected arrivals, agents needed (shrinkage included) and agents scheduled in any region.</summary>
public sealed record ForecastHour(int HourOfWeek, double Arrivals, int Needed, int Scheduled)
{
    public int Short => Math.Max(0, Needed - Scheduled);
}

/// <summary>The forecast for speakers of one language (primary subtag), or for everyone when <see cref="Language"/> is null.</summary>
public sealed record ForecastLine(string? Language, IReadOnlyList<ForecastHour> Hours);

public sealed record ForecastResult(int Weeks, double Shrinkage, int ChatConcurrency, IReadOnlyList<HandleTime> HandleTimes, IReadOnlyList<ForecastLine> Lines);

/// <summary>
/// Agents needed per hour: for each hour of the week, the arrivals in the same hour of each of the last N weeks
/// (by channel and language, averaged), the measured handle time per channel, and Erlang C against each channel's
/// service target. Chat agents count as <see cref="WorkforceSettings.ChatConcurrency"/> servers each. Channels are
/// separate queues, so their agents add up; shrinkage then scales the sum up to people to schedule. The forecast is
/// for the whole workspace, so it is compared with the agents scheduled in every region.
/// </summary>
public sealed class StaffingForecast(HeliodeskDb db, HandleTimes handleTimes, IOptions<WorkforceSettings> options)
{
    private static readonly Duration Week = Duration.FromDays(7);

    public async Task<ForecastResult> ComputeAsync(IReadOnlyList<HourSlot> slots, IReadOnlyList<RosterAgent> roster, Instant now, CancellationToken ct)
    {
        var settings = options.Value;
        var weeks = Math.Max(1, settings.ForecastWeeks);
        // For each hour, the N latest past occurrences of the same hour: one week back for the current week,
        // further back for a future week, whose nearer occurrences have not happened yet.
        var firstBack = slots.Select(s => Math.Max(1, (int)Math.Ceiling((s.Start - now) / Week + 1e-9))).ToList();
        var historyFrom = slots.Select((s, i) => s.Start - Week * (firstBack[i] + weeks - 1)).Min();
        var dataStart = await db.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).Select(t => (DateTimeOffset?)t.CreatedAt).FirstOrDefaultAsync(ct);

        var arrivals = (await db.Tickets.AsNoTracking()
                .Where(t => t.CreatedAt >= historyFrom.ToDateTimeOffset() && t.CreatedAt < now.ToDateTimeOffset())
                .Select(t => new { t.CreatedAt, t.Channel, t.Language }).ToListAsync(ct))
            .GroupBy(t => (t.Channel, Language: LanguageTag.Primary(t.Language).ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.Select(t => Instant.FromDateTimeOffset(t.CreatedAt)).Order().ToArray());
        var handle = await handleTimes.MeasureAsync((now - Week * weeks).ToDateTimeOffset(), now.ToDateTimeOffset(), settings, ct);

        var languages = arrivals.GroupBy(a => a.Key.Language).OrderByDescending(g => g.Sum(a => a.Value.Length)).ThenBy(g => g.Key).Select(g => g.Key).ToList();
        var lines = new List<ForecastLine>();
        foreach (var language in languages.Prepend(null))
        {
            var hours = slots.Select((slot, i) =>
            {
                var occurrences = Enumerable.Range(firstBack[i], weeks).Select(back => (From: slot.Start - Week * back, To: slot.End - Week * back))
                    .Where(o => dataStart is { } first && o.To > Instant.FromDateTimeOffset(first)).ToList();
                var perChannel = arrivals.Where(a => language is null || a.Key.Language == language)
                    .GroupBy(a => a.Key.Channel)
                    .ToDictionary(g => g.Key, g => occurrences.Count == 0 ? 0 : g.Sum(a => occurrences.Sum(o => Count(a.Value, o.From, o.To))) / (double)occurrences.Count);
                var needed = slot.Happens ? Needed(perChannel, handle, slot.Length, settings) : 0;
                var scheduled = roster.Count(a => (language is null || a.Languages.Any(l => LanguageTag.Primary(l).Equals(language, StringComparison.OrdinalIgnoreCase))) && a.ScheduledFor(slot));
                return new ForecastHour(slot.HourOfWeek, Math.Round(perChannel.Values.Sum(), 2), needed, scheduled);
            }).ToList();
            lines.Add(new ForecastLine(language, hours));
        }
        return new ForecastResult(weeks, settings.Shrinkage, settings.ChatConcurrency, [.. handle.Values.Where(h => h.Tickets > 0 || h.Measured)], lines);
    }

    /// <summary>People to schedule for one hour: Erlang C per channel, chats shared by concurrency, then shrinkage.</summary>
    public static int Needed(IReadOnlyDictionary<Channel, double> arrivals, IReadOnlyDictionary<Channel, HandleTime> handle, Duration interval, WorkforceSettings settings)
    {
        var agents = 0;
        foreach (var (channel, count) in arrivals)
        {
            if (count <= 0)
            {
                continue;
            }
            var minutes = handle[channel].Minutes;
            var traffic = count * minutes / interval.TotalMinutes;
            var target = settings.TargetFor(channel);
            var servers = ErlangC.ServersNeeded(traffic, minutes, target.AnswerWithinSeconds / 60.0, target.ServiceLevel);
            agents += channel == Channel.Chat ? (int)Math.Ceiling(servers / (double)Math.Max(1, settings.ChatConcurrency)) : servers;
        }
        // The small epsilon keeps 7 / 0.7 at 10: floating point would make it 10.000000000000002 and round up to 11.
        return agents == 0 ? 0 : (int)Math.Ceiling(agents / (1 - Math.Clamp(settings.Shrinkage, 0, 0.95)) - 1e-9);
    }

    private static int Count(Instant[] sorted, Instant from, Instant to) => Lower(sorted, to) - Lower(sorted, from);

    private static int Lower(Instant[] sorted, Instant value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }
        return index;
    }
}
