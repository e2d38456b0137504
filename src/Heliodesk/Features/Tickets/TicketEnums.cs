namespace Heliodesk.Features.Tickets;

public enum TicketStatus { New, Open, Pending, OnHold, Solved, Closed }

public enum TicketPriority { Low, Normal, High, Urgent }

/// <summary>How urgent the customer says it is; "critical" means their business is stopped.</summary>
public enum CustomerUrgency { Low, Normal, High, Critical }

public enum Channel { Email, HelpCenter, Widget, Chat, Phone, Api, Webhook }

public enum MessageKind { Reply, Note }

public enum ActorKind { Agent, Contact, Bot, System }

/// <summary>Who did something: an agent, a customer, a bot or the system itself.</summary>
public readonly record struct Actor(ActorKind Kind, Guid? Id)
{
    public static Actor System { get; } = new(ActorKind.System, null);
    public static Actor Agent(Guid id) => new(ActorKind.Agent, id);
    public static Actor Contact(Guid id) => new(ActorKind.Contact, id);
}

public static class TicketStatuses
{
    /// <summary>Statuses that still need work from someone: what "unsolved" means in every view.</summary>
    public static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    public static TicketPriority PriorityFor(CustomerUrgency urgency) => urgency switch
    {
        CustomerUrgency.Critical => TicketPriority.Urgent,
        CustomerUrgency.High => TicketPriority.High,
        CustomerUrgency.Low => TicketPriority.Low,
        _ => TicketPriority.Normal,
    };
}
