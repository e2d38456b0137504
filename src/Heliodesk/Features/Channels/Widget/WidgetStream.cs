using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Features.Tickets.Live;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>What the visitor's stream says: re-read the transcript (a message or read state changed), and whether an agent is typing.</summary>
public sealed record WidgetStreamEvent(bool Changed, bool AgentTyping);

/// <summary>
/// The visitor's half of the live chat: server-sent events over one long GET. It wakes on a committed change
/// to the chat's ticket (the same ticket feed agents' screens use) or on a read-state change, and looks at the
/// agents' typing state once a second (in-process, no database). The widget reads it with fetch so the session
/// token travels in a header, never in a URL.
/// </summary>
public static class WidgetStream
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task<IResult> StreamAsync(
        HttpContext http, WidgetVisitors visitors, WorkspaceScope scope, TicketFeed feed, TicketPresence presence, WidgetLive live, TimeProvider time)
    {
        var ct = http.RequestAborted;
        if (await visitors.ChatAsync(http.Request, ct) is not { } chat)
        {
            return TypedResults.NotFound();
        }
        var ticketId = chat.TicketId;
        using var wake = new SemaphoreSlim(0);
        void Signal()
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }
        var changed = 0;
        using var subscription = feed.Subscribe(scope.WorkspaceId, c =>
        {
            if (c.TicketId == ticketId)
            {
                Interlocked.Exchange(ref changed, 1);
                Signal();
            }
        });
        using var watch = live.Watch(ticketId, () =>
        {
            Interlocked.Exchange(ref changed, 1);
            Signal();
        });
        using var connection = live.Connect(ticketId);

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        bool? typingSent = null;
        var lastWrite = time.GetUtcNow();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var typing = presence.ViewersOf(ticketId).Any(v => v.IsTyping);
                var dirty = Interlocked.Exchange(ref changed, 0) == 1;
                if (dirty || typing != typingSent)
                {
                    await WriteAsync(http, "update", new WidgetStreamEvent(dirty, typing), ct);
                    (typingSent, lastWrite) = (typing, time.GetUtcNow());
                }
                else if (time.GetUtcNow() - lastWrite > Heartbeat)
                {
                    // A comment line keeps proxies from closing an idle stream.
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastWrite = time.GetUtcNow();
                }
                await wake.WaitAsync(Tick, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The visitor closed the widget or the page.
        }
        return TypedResults.Empty;
    }

    private static async Task WriteAsync(HttpContext http, string name, WidgetStreamEvent data, CancellationToken ct)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonSerializerOptions.Web)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
