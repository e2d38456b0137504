namespace Heliodesk.Features.Tickets;

/// <summary>
/// A channel that carries agents' public replies back to the customer the way they came (email
/// today). Called in the reply's own transaction, so a channel queues its side effect through the
/// outbox and it leaves only if the reply commits.
/// </summary>
public interface IReplyChannel
{
    Task ReplySentAsync(Ticket ticket, Message reply, string agentName, CancellationToken ct);
}
