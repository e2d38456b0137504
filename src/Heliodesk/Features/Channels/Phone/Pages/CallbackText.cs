using System.Globalization;
using Heliodesk.Components.Shared;

namespace Heliodesk.Features.Channels.Phone.Pages;

/// <summary>A callback's window read in one zone: "Tue 14:00–16:00", the end's date only when it differs.</summary>
public static class CallbackText
{
    public static string Window(CallbackResponse callback, string zone, DateTimeOffset now)
    {
        var (start, end) = (AgentTime.Local(callback.WindowStart, zone), AgentTime.Local(callback.WindowEnd, zone));
        var endText = end.Date == start.Date ? end.ToString("t", CultureInfo.CurrentCulture) : AgentTime.Short(callback.WindowEnd, zone, now);
        return $"{AgentTime.Short(callback.WindowStart, zone, now)}–{endText}";
    }

    /// <summary>What the clock says where the customer is, right now.</summary>
    public static string ClockIn(string zone, DateTimeOffset now) => AgentTime.Local(now, zone).ToString("t", CultureInfo.CurrentCulture);
}
