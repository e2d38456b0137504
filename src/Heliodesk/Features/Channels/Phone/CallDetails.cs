using Heliodesk.Common;
using Heliodesk.Features.Contacts;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>A call's facts after the edge checks: numbers in a dialable shape, a sane start and duration.</summary>
public sealed record CallDetails(
    CallDirection Direction, string? From, string? To, DateTimeOffset StartedAt, int DurationSeconds, string? RecordingUrl, string? Notes)
{
    public const int MaxDurationSeconds = 24 * 60 * 60;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OldestLoggable = TimeSpan.FromDays(366);

    public static CallDetails Of(LogCallRequest call, DateTimeOffset now) => Check(
        call.Direction, call.From, call.To, call.StartedAt, call.DurationSeconds, call.RecordingUrl, call.Notes, now);

    public static CallDetails Check(
        CallDirection direction, string? from, string? to, DateTimeOffset? startedAt, int durationSeconds, string? recordingUrl, string? notes, DateTimeOffset now)
    {
        var customerSide = direction == CallDirection.Inbound ? "from" : "to";
        var (fromNumber, toNumber) = (CustomerFields.Phone(from, "from"), CustomerFields.Phone(to, "to"));
        if ((direction == CallDirection.Inbound ? fromNumber : toNumber) is null)
        {
            throw new DomainRuleException(customerSide, "Enter the customer's phone number.");
        }
        if (durationSeconds is < 0 or > MaxDurationSeconds)
        {
            throw new DomainRuleException("durationSeconds", $"Use a duration from 0 to {MaxDurationSeconds} seconds (0 for a missed call).");
        }
        var started = startedAt ?? now.AddSeconds(-durationSeconds);
        if (started > now + ClockSkew)
        {
            throw new DomainRuleException("startedAt", "A call cannot start in the future.");
        }
        if (started < now - OldestLoggable)
        {
            throw new DomainRuleException("startedAt", "Calls older than a year cannot be logged.");
        }
        return new CallDetails(direction, fromNumber, toNumber, started.ToUniversalTime(), durationSeconds,
            RecordingLink(recordingUrl), CustomerFields.Text(notes, "notes", Limits.MessageText));
    }

    /// <summary>How the call reads in the ticket's history, e.g. "inbound 4:05" or "outbound unanswered".</summary>
    public string Summary(bool connected) =>
        $"{(Direction == CallDirection.Inbound ? "inbound" : "outbound")} "
        + (connected ? Duration(DurationSeconds) : "unanswered");

    /// <summary>A call's length as people read it: "4:05", or "1:02:09" past an hour.</summary>
    public static string Duration(int seconds) =>
        TimeSpan.FromSeconds(seconds).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    // Recordings are links into the phone provider; only web links, so the agent UI can never be
    // handed a javascript: or file: URL to click.
    private static string? RecordingLink(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        return Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : throw new DomainRuleException("recordingUrl", "Use an http or https link to the recording.");
    }
}
