using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>What a customer asked for, from any channel: a number, a window in their day, a note.</summary>
public sealed record CallbackAsk(string Phone, CallbackWindow Window, string? Notes, Channel Via);

/// <summary>
/// Callbacks wait in one queue per workspace, worked by agents with the phone skill (and leads) in
/// window order. Channels (help center, widget, API) file requests here; agents claim and call.
/// </summary>
public sealed class CallbackQueue(HeliodeskDb db, CallLog calls, TimeProvider time)
{
    public const string PhoneSkill = "phone";

    public static CallbackAsk Ask(string phone, string start, string end, string timeZone, string? notes, Channel via, DateTimeOffset now) => new(
        CustomerFields.Phone(phone) ?? throw new DomainRuleException("phone", "Enter the number to call back."),
        CallbackWindow.Parse(start, end, timeZone, now),
        CustomerFields.Text(notes, "notes", Limits.MessageText),
        via);

    /// <summary>Files the request on the ticket it concerns; the requester is the one called back.</summary>
    public CallbackRequest Request(Ticket ticket, CallbackAsk ask, Actor actor)
    {
        var now = time.GetUtcNow();
        var callback = new CallbackRequest
        {
            WorkspaceId = ticket.WorkspaceId,
            TicketId = ticket.Id,
            ContactId = ticket.RequesterId,
            Phone = ask.Phone,
            WindowStart = ask.Window.Start,
            WindowEnd = ask.Window.End,
            TimeZone = ask.Window.TimeZone,
            Notes = ask.Notes,
            RequestedVia = ask.Via,
            RequestedAt = now,
        };
        var window = $"{CallbackWindow.Local(callback.WindowStart, callback.TimeZone)}–{CallbackWindow.Local(callback.WindowEnd, callback.TimeZone)[11..]} {callback.TimeZone}";
        ticket.RecordCallback(TicketEventType.CallbackRequested, window, actor, now);
        db.Set<CallbackRequest>().Add(callback);
        return callback;
    }

    /// <summary>
    /// Takes the callback for the caller. A conditional update, so two agents clicking at once on two
    /// nodes cannot both win; claiming also takes the ticket when nobody owns it yet.
    /// </summary>
    public async Task<bool> ClaimAsync(CallbackRequest callback, Ticket ticket, Caller caller, CancellationToken ct)
    {
        var (id, me) = (callback.Id, caller.AgentId);
        var won = await db.Set<CallbackRequest>()
            .Where(c => c.Id == id && c.Status == CallbackStatus.Requested && (c.ClaimedById == null || c.ClaimedById == me))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedById, me), ct) == 1;
        if (won && callback.ClaimedById != me)
        {
            // On the ticket's history, so the claim is audited and every open view of the ticket or the queue hears of it.
            callback.ClaimedById = me;
            ticket.RecordCallback(TicketEventType.CallbackClaimed, callback.Phone, Actor.Agent(me), time.GetUtcNow());
            if (ticket.AssigneeId is null)
            {
                ticket.Assign(me, Actor.Agent(me), time.GetUtcNow());
            }
        }
        return won;
    }

    /// <summary>One try at the call; reaching the customer completes the callback, anything else leaves it queued.</summary>
    public PhoneCall RecordAttempt(CallbackRequest callback, Ticket ticket, CallbackAttemptRequest attempt, Caller caller)
    {
        var now = time.GetUtcNow();
        var reached = attempt.Outcome == CallOutcome.Reached;
        if (reached != attempt.DurationSeconds > 0)
        {
            throw new DomainRuleException("durationSeconds", reached
                ? "A call that reached the customer lasted at least a second."
                : "An unanswered call has a duration of 0.");
        }
        var details = CallDetails.Check(CallDirection.Outbound, attempt.From, callback.Phone, attempt.StartedAt,
            attempt.DurationSeconds, attempt.RecordingUrl, attempt.Notes, now);
        var call = calls.Record(ticket, details, reached, caller, callback.Id);
        callback.Attempts++;
        callback.LastOutcome = attempt.Outcome;
        if (reached)
        {
            Close(callback, ticket, CallbackStatus.Completed, "completed", caller, now);
        }
        if (attempt.Status is { } status)
        {
            ticket.ChangeStatus(status, Actor.Agent(caller.AgentId), now);
        }
        return call;
    }

    public void Cancel(CallbackRequest callback, Ticket ticket, string? reason, Caller caller)
    {
        var why = CustomerFields.Text(reason, "reason", Limits.Subject);
        Close(callback, ticket, CallbackStatus.Cancelled, why is null ? "cancelled" : $"cancelled: {why}", caller, time.GetUtcNow());
    }

    private static void Close(CallbackRequest callback, Ticket ticket, CallbackStatus status, string summary, Caller caller, DateTimeOffset now)
    {
        if (callback.Status != CallbackStatus.Requested)
        {
            throw new DomainRuleException("status", $"This callback is already {callback.Status.ToString().ToLowerInvariant()}.");
        }
        callback.Status = status;
        callback.ClosedAt = now;
        ticket.RecordCallback(TicketEventType.CallbackClosed, summary[..Math.Min(summary.Length, Limits.Subject)], Actor.Agent(caller.AgentId), now);
    }

    /// <summary>Only the people who make the calls see the queue: the phone skill, or a lead's oversight.</summary>
    public async Task<bool> CanWorkAsync(Caller caller, CancellationToken ct)
    {
        if (caller.Role is AgentRole.Owner or AgentRole.Admin or AgentRole.Lead)
        {
            return true;
        }
        var skills = await db.Agents.Where(a => a.Id == caller.AgentId).Select(a => a.Skills).FirstOrDefaultAsync(ct);
        return skills?.Contains(PhoneSkill) == true;
    }

    public IQueryable<CallbackRequest> VisibleTo(Caller caller) =>
        caller.Role == AgentRole.Contractor
            ? db.Set<CallbackRequest>().Where(c => db.Tickets.VisibleTo(db, caller).Any(t => t.Id == c.TicketId))
            : db.Set<CallbackRequest>();

    public static IQueryable<CallbackRequest> After(IQueryable<CallbackRequest> query, string? cursor)
    {
        if (Cursor.DecodeInstantAndId(cursor) is not (var at, var id))
        {
            return query;
        }
        return query.Where(c => c.WindowStart > at || (c.WindowStart == at && c.Id.CompareTo(id) > 0));
    }
}
