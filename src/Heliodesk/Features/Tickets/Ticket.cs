using System.Globalization;
using Heliodesk.Common;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// A customer's request and its whole life. Every change goes through a method here that checks
/// the rules and records one <see cref="TicketEvent"/>; the DbContext stores those events and bumps
/// <see cref="Version"/> in the same save, so a stale writer is refused.
/// </summary>
public sealed class Ticket : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public long Number { get; init; }
    public string Subject { get; private set; } = "";
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }
    public CustomerUrgency Urgency { get; private set; }
    public Channel Channel { get; init; }
    public string Language { get; private set; } = "en";
    public Guid RequesterId { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? AssigneeId { get; private set; }
    public Guid? TeamId { get; private set; }
    public int Tier { get; private set; } = 1;
    public List<TicketTag> Tags { get; init; } = [];
    public Guid? FollowUpOfId { get; init; }
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FirstReplyAt { get; private set; }
    public DateTimeOffset? SolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int ReopenCount { get; private set; }
    public int TouchCount { get; private set; }
    public int Version { get; internal set; } = 1;

    internal List<TicketEvent> PendingEvents { get; } = [];

    public bool IsClosed => Status == TicketStatus.Closed;

    public static Ticket Open(TicketDraft draft, Actor actor, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            WorkspaceId = draft.WorkspaceId,
            Number = draft.Number,
            Channel = draft.Channel,
            RequesterId = draft.RequesterId,
            OrganizationId = draft.OrganizationId,
            FollowUpOfId = draft.FollowUpOfId,
            CreatedAt = now,
            UpdatedAt = now,
            Subject = draft.Subject,
            Urgency = draft.Urgency,
            Priority = draft.Priority ?? TicketStatuses.PriorityFor(draft.Urgency),
            Language = draft.Language,
        };
        ticket.Record(actor, now, TicketEventType.Created, null, null, ticket.Number.ToString(CultureInfo.InvariantCulture));
        return ticket;
    }

    /// <summary>A customer wrote again. Solved tickets reopen; closed ones cannot take it (open a follow-up).</summary>
    public void ReceiveCustomerMessage(Actor actor, DateTimeOffset now)
    {
        EnsureNotClosed("status");
        if (Status is TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved)
        {
            ChangeStatus(TicketStatus.Open, actor, now);
        }
        Touch(now);
    }

    /// <summary>An agent answered the customer: counts a touch, stamps the first reply, moves the status on.</summary>
    public void RecordAgentReply(Actor actor, DateTimeOffset now, TicketStatus? next)
    {
        EnsureNotClosed("status");
        FirstReplyAt ??= now;
        TouchCount++;
        var target = next ?? (Status == TicketStatus.New ? TicketStatus.Open : Status);
        if (target != Status)
        {
            ChangeStatus(target, actor, now);
        }
        Touch(now);
    }

    public void RecordNote(Actor actor, DateTimeOffset now, TicketStatus? next)
    {
        EnsureNotClosed("status");
        if (next is { } target && target != Status)
        {
            ChangeStatus(target, actor, now);
        }
        Touch(now);
    }

    public void ChangeStatus(TicketStatus status, Actor actor, DateTimeOffset now)
    {
        if (status == Status)
        {
            return;
        }
        EnsureNotClosed("status");
        if (status == TicketStatus.New)
        {
            throw new DomainRuleException("status", "A ticket cannot go back to New once work has started.");
        }
        if (status == TicketStatus.Closed && Status != TicketStatus.Solved)
        {
            throw new DomainRuleException("status", "Only a solved ticket can be closed; solve it first.");
        }
        if (Status == TicketStatus.Solved && status != TicketStatus.Closed)
        {
            ReopenCount++;
            SolvedAt = null;
        }
        SolvedAt = status == TicketStatus.Solved ? now : SolvedAt;
        ClosedAt = status == TicketStatus.Closed ? now : null;
        Record(actor, now, TicketEventType.StatusChanged, "status", Format(Status), Format(status));
        Status = status;
        Touch(now);
    }

    /// <summary>Creates a ticket directly in a later status (imports, agents logging solved calls).</summary>
    public void StartIn(TicketStatus status, Actor actor, DateTimeOffset now)
    {
        if (status == TicketStatus.Closed)
        {
            ChangeStatus(TicketStatus.Solved, actor, now);
        }
        ChangeStatus(status, actor, now);
    }

    public void SetPriority(TicketPriority value, Actor actor, DateTimeOffset now) =>
        Change(Priority, value, v => Priority = v, TicketEventType.PriorityChanged, "priority", actor, now);

    public void SetUrgency(CustomerUrgency value, Actor actor, DateTimeOffset now) =>
        Change(Urgency, value, v => Urgency = v, TicketEventType.UrgencyChanged, "urgency", actor, now);

    public void Assign(Guid? agentId, Actor actor, DateTimeOffset now) =>
        Change(AssigneeId, agentId, v => AssigneeId = v, TicketEventType.AssigneeChanged, "assigneeId", actor, now);

    public void SetTeam(Guid? teamId, Actor actor, DateTimeOffset now) =>
        Change(TeamId, teamId, v => TeamId = v, TicketEventType.TeamChanged, "teamId", actor, now);

    public void SetSubject(string subject, Actor actor, DateTimeOffset now) =>
        Change(Subject, subject, v => Subject = v, TicketEventType.SubjectChanged, "subject", actor, now);

    public void SetLanguage(string language, Actor actor, DateTimeOffset now) =>
        Change(Language, language, v => Language = v, TicketEventType.LanguageChanged, "language", actor, now);

    public void SetTier(int tier, Actor actor, DateTimeOffset now)
    {
        if (tier is < 1 or > 3)
        {
            throw new DomainRuleException("tier", "Tier must be 1, 2 or 3.");
        }
        Change(Tier, tier, v => Tier = v, TicketEventType.TierChanged, "tier", actor, now);
    }

    /// <summary>
    /// Routing gave the ticket to an agent: the assignee change plus a "routed" event carrying the reason the
    /// agent will read ("Lithuanian, Billing, T1, least loaded").
    /// </summary>
    public void AssignByRouting(Guid agentId, string reason, DateTimeOffset now)
    {
        Assign(agentId, Actor.System, now);
        RecordRouting(TicketEventType.Routed, "assigneeId", agentId.ToString(), reason, Actor.System, now);
    }

    /// <summary>A routing step that changes no field of the ticket (queued, overflow widened) but belongs in its history.</summary>
    public void RecordRouting(TicketEventType type, string field, string? from, string to, Actor actor, DateTimeOffset now)
    {
        EnsureNotClosed(field);
        Record(actor, now, type, field, Clip(from), Clip(to));
        Touch(now);
    }

    /// <summary>
    /// Moves the ticket one or more tiers up (or down) with the reason people will read later; the tier change
    /// itself is its own event, so metrics see it like any other.
    /// </summary>
    public void ChangeTierWithReason(int tier, string reason, Actor actor, DateTimeOffset now)
    {
        var from = Tier;
        if (tier == from)
        {
            throw new DomainRuleException("tier", $"Ticket #{Number} is already at tier {tier}.");
        }
        SetTier(tier, actor, now);
        Record(actor, now, tier > from ? TicketEventType.Escalated : TicketEventType.Deescalated, "tier",
            $"T{from}", Clip($"T{tier}: {reason}"));
    }

    private static string? Clip(string? text) => text is { Length: > Limits.Subject } ? text[..Limits.Subject] : text;

    /// <summary>Replaces the tag set; each tag added or removed is its own event.</summary>
    public void SetTags(IReadOnlyCollection<string> tags, Actor actor, DateTimeOffset now)
    {
        EnsureNotClosed("tags");
        var wanted = tags.ToHashSet(StringComparer.Ordinal);
        foreach (var removed in Tags.Where(t => !wanted.Contains(t.Name)).ToList())
        {
            Tags.Remove(removed);
            Record(actor, now, TicketEventType.TagRemoved, "tags", removed.Name, null);
        }
        foreach (var added in wanted.Where(w => !Tags.Exists(t => t.Name == w)).Order(StringComparer.Ordinal))
        {
            Tags.Add(new TicketTag { WorkspaceId = WorkspaceId, TicketId = Id, Name = added });
            Record(actor, now, TicketEventType.TagAdded, "tags", null, added);
        }
        Touch(now);
    }

    /// <summary>
    /// A phone conversation was logged. A connected call is a human answer, so it counts a touch and
    /// stamps the first reply (at the call's start, never before the ticket existed); a missed call does not.
    /// </summary>
    public void RecordCall(string summary, bool connected, DateTimeOffset startedAt, Actor actor, DateTimeOffset now)
    {
        EnsureNotClosed("ticketId");
        Record(actor, now, TicketEventType.CallLogged, "call", null, summary);
        if (connected)
        {
            FirstReplyAt ??= startedAt > CreatedAt ? startedAt : CreatedAt;
            TouchCount++;
        }
        Touch(now);
    }

    public void RecordCallback(TicketEventType type, string summary, Actor actor, DateTimeOffset now)
    {
        if (type is not (TicketEventType.CallbackRequested or TicketEventType.CallbackClaimed or TicketEventType.CallbackClosed))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Only callback events.");
        }
        EnsureNotClosed("ticketId");
        Record(actor, now, type, "callback", null, summary);
        Touch(now);
    }

    internal void RecordMessage(Message message) =>
        Record(new Actor(message.AuthorKind, message.AuthorId), message.CreatedAt,
            message.IsPublic ? TicketEventType.ReplyAdded : TicketEventType.NoteAdded, null, null, null, message.Id);

    /// <summary>
    /// This ticket's conversation moved into <paramref name="target"/>: it closes (without counting as solved)
    /// and points there, so the customer's later messages land on the target (docs/decisions/0037).
    /// </summary>
    public void MergeInto(Ticket target, Actor actor, DateTimeOffset now)
    {
        EnsureNotClosed("intoTicketId");
        if (target.Id == Id)
        {
            throw new DomainRuleException("intoTicketId", "A ticket cannot be merged into itself.");
        }
        if (target.IsClosed)
        {
            throw new DomainRuleException("intoTicketId", $"Ticket #{target.Number} is closed; merge into an open ticket.");
        }
        if (target.RequesterId != RequesterId)
        {
            throw new DomainRuleException("intoTicketId", $"Ticket #{target.Number} belongs to another customer; only tickets of the same requester can be merged.");
        }
        var number = target.Number.ToString(CultureInfo.InvariantCulture);
        Record(actor, now, TicketEventType.MergedInto, "mergedIntoId", null, number);
        target.Record(actor, now, TicketEventType.MergedFrom, "mergedFrom", null, Number.ToString(CultureInfo.InvariantCulture));
        target.Touch(now);
        Record(actor, now, TicketEventType.StatusChanged, "status", Format(Status), Format(TicketStatus.Closed));
        (Status, ClosedAt, MergedIntoId) = (TicketStatus.Closed, now, target.Id);
        Touch(now);
    }

    internal void RecordFollowUp(Ticket followUp, Actor actor, DateTimeOffset now) =>
        Record(actor, now, TicketEventType.FollowUpCreated, "followUpId", null, followUp.Number.ToString(CultureInfo.InvariantCulture));

    private void Change<T>(T current, T value, Action<T> set, TicketEventType type, string field, Actor actor, DateTimeOffset now)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return;
        }
        EnsureNotClosed(field);
        Record(actor, now, type, field, Format(current), Format(value));
        set(value);
        Touch(now);
    }

    private void EnsureNotClosed(string field)
    {
        if (IsClosed)
        {
            throw new DomainRuleException(field, $"Ticket #{Number} is closed and can no longer change; the customer's next message opens a follow-up.");
        }
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now > UpdatedAt ? now : UpdatedAt;

    private void Record(Actor actor, DateTimeOffset at, TicketEventType type, string? field, string? from, string? to, Guid? messageId = null) =>
        PendingEvents.Add(new TicketEvent
        {
            WorkspaceId = WorkspaceId,
            TicketId = Id,
            At = at,
            Type = type,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            Field = field,
            From = from,
            To = to,
            MessageId = messageId,
        });

    // Values read as they do everywhere else in the API: "onHold", not "OnHold".
    private static string? Format<T>(T value) => value switch
    {
        null => null,
        Enum e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
