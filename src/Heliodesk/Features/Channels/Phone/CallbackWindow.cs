using Heliodesk.Common;
using NodaTime;
using NodaTime.Text;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>
/// When the customer wants the call, read as wall-clock times in their zone ("tomorrow 14:00-16:00
/// my time") and turned into instants with the zone's rules on that date, DST included.
/// </summary>
public sealed record CallbackWindow(DateTimeOffset Start, DateTimeOffset End, string TimeZone)
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(14);
    public static readonly TimeSpan FurthestAhead = TimeSpan.FromDays(60);

    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static CallbackWindow Parse(string start, string end, string timeZone, DateTimeOffset now)
    {
        var zoneId = Fields.TimeZone(timeZone);
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var from = Instant(start, "windowStart", zone);
        var to = Instant(end, "windowEnd", zone);
        if (to - from < Shortest)
        {
            throw new DomainRuleException("windowEnd", $"The window must end at least {Shortest.TotalMinutes:0} minutes after it starts.");
        }
        if (to - from > Longest)
        {
            throw new DomainRuleException("windowEnd", $"Keep the window within {Longest.TotalDays:0} days.");
        }
        if (to <= now)
        {
            throw new DomainRuleException("windowEnd", "This window has already passed; choose a time from now on.");
        }
        if (from > now + FurthestAhead)
        {
            throw new DomainRuleException("windowStart", $"Choose a time within the next {FurthestAhead.TotalDays:0} days.");
        }
        return new CallbackWindow(from, to, zoneId);
    }

    /// <summary>An instant shown back as the customer's wall-clock time, e.g. 2026-11-24T14:00.</summary>
    public static string Local(DateTimeOffset instant, string timeZone) =>
        Minutes.Format(NodaTime.Instant.FromDateTimeOffset(instant).InZone(DateTimeZoneProviders.Tzdb[timeZone]).LocalDateTime);

    // A time that falls in a spring-forward gap moves past it and an ambiguous autumn hour takes its
    // first occurrence: what a person asking for "02:30" on that night most plausibly means.
    private static DateTimeOffset Instant(string raw, string field, DateTimeZone zone)
    {
        var parsed = Minutes.Parse(raw.Trim());
        if (!parsed.Success)
        {
            parsed = LocalDateTimePattern.GeneralIso.Parse(raw.Trim());
        }
        return parsed.Success
            ? zone.AtLeniently(parsed.Value).ToDateTimeOffset().ToUniversalTime()
            : throw new DomainRuleException(field, "Use a local date and time such as 2026-11-24T14:00, in the customer's time zone.");
    }
}
