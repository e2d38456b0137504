using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>The ticket changed since the writer read it: what they had and what it is now.</summary>
public sealed class StaleTicketException(int expected, int current)
    : Exception($"The ticket changed since you loaded it (you have version {expected}, it is now {current}).")
{
    public int Expected { get; } = expected;
    public int Current { get; } = current;
}

/// <summary>
/// Agent work on a ticket, shared by the API handlers and the agent workspace so both apply the same
/// rules, record the same events and refuse the same stale versions. Callers save and commit.
/// </summary>
public sealed class TicketCommands(HeliodeskDb db, Intake.Intake intake, Conversation conversation, IEnumerable<IReplyChannel> replyChannels, TimeProvider time)
{
    /// <summary>Refuses a write based on an older version than the ticket's current one.</summary>
    public static void EnsureVersion(Ticket ticket, int? expected)
    {
        if (expected is { } version && version != ticket.Version)
        {
            throw new StaleTicketException(version, ticket.Version);
        }
    }

    /// <summary>
    /// An agent's reply or note, or (from: requester) a customer message relayed by an integration.
    /// Returns the ticket the message landed on: a closed ticket's customer message opens a follow-up.
    /// </summary>
    public async Task<(Ticket Ticket, Message Message)> PostMessageAsync(
        Ticket ticket, Caller caller, PostMessageRequest request, Channel agentChannel, CancellationToken ct)
    {
        var body = MessageBody.From(request.Body, request.Html);
        var attachments = request.AttachmentIds ?? [];
        if (request.From == MessageSender.Requester)
        {
            if (request.Kind == MessageKind.Note)
            {
                throw new DomainRuleException("kind", "Customers cannot write internal notes.");
            }
            var requester = await db.Contacts.Include(c => c.Emails).FirstAsync(c => c.Id == ticket.RequesterId, ct);
            var received = await intake.ReceiveAsync(ticket, requester, body, ticket.Channel, attachments, ct);
            return (received.Ticket, received.Message);
        }
        var now = time.GetUtcNow();
        var actor = Actor.Agent(caller.AgentId);
        var message = await conversation.AppendAsync(ticket, request.Kind, actor, caller.Name, body, agentChannel, attachments, now, ct);
        if (request.Kind == MessageKind.Reply)
        {
            ticket.RecordAgentReply(actor, now, request.Status);
            // The reply leaves the way the customer came (email today), in this same transaction.
            foreach (var channel in replyChannels)
            {
                await channel.ReplySentAsync(ticket, message, caller.Name, ct);
            }
        }
        else
        {
            ticket.RecordNote(actor, now, request.Status);
        }
        return (ticket, message);
    }

    /// <summary>Applies the fields present in <paramref name="request"/>, each through its domain method.</summary>
    public async Task UpdateAsync(Ticket ticket, Caller caller, UpdateTicketRequest request, CancellationToken ct)
    {
        await db.EnsureReferencesAsync(request.AssigneeId.Value, request.TeamId.Value, ct);
        var (actor, now) = (Actor.Agent(caller.AgentId), time.GetUtcNow());
        if (request.Subject is { } subject)
        {
            ticket.SetSubject(subject.Trim(), actor, now);
        }
        if (request.Language is { } raw)
        {
            ticket.SetLanguage(Fields.Language(raw), actor, now);
        }
        ApplyIfSet(request.Priority, v => ticket.SetPriority(v, actor, now));
        ApplyIfSet(request.Urgency, v => ticket.SetUrgency(v, actor, now));
        ApplyIfSet(request.Tier, v => ticket.SetTier(v, actor, now));
        if (request.TeamId.IsSet)
        {
            ticket.SetTeam(request.TeamId.Value, actor, now);
        }
        if (request.AssigneeId.IsSet)
        {
            ticket.Assign(request.AssigneeId.Value, actor, now);
        }
        if (request.Tags is not null)
        {
            ticket.SetTags(TicketAccess.NormalizeTags(request.Tags), actor, now);
        }
        ApplyIfSet(request.Status, v => ticket.ChangeStatus(v, actor, now));
    }

    private static void ApplyIfSet<T>(T? value, Action<T> apply) where T : struct
    {
        if (value is { } v)
        {
            apply(v);
        }
    }
}
