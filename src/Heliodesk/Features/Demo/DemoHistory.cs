using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Demo;

/// <summary>
/// Replays the scripted tickets through the code the API uses (Intake, Conversation, the ticket's own
/// methods), so each demo ticket carries the messages, timestamps and events real work would leave.
/// </summary>
internal sealed class DemoHistory(Intake.Intake intake, Conversation conversation, DemoClock clock, DemoCast cast)
{
    /// <summary>
    /// The UTC midnight the scripts count their days back from: the latest one that still puts every
    /// scripted moment in the past, so the newest activity is less than a day old whenever the demo is created.
    /// </summary>
    public static DateTimeOffset Anchor(DateTimeOffset now, IEnumerable<DemoTicket> scripts)
    {
        var last = scripts.SelectMany(Moments).Max();
        return new DateTimeOffset((now - last).UtcDateTime.Date, TimeSpan.Zero);
    }

    /// <summary>Plays every script, interleaved in time, and returns how many tickets that opened (follow-ups included).</summary>
    public async Task<int> PlayAsync(IReadOnlyList<DemoTicket> scripts, DateTimeOffset anchor, CancellationToken ct)
    {
        // Across scripts in time order, not one script after another, so ticket numbers follow creation
        // time, a follow-up included.
        var moments = scripts
            .SelectMany((script, s) => Moments(script).Select((at, step) => (At: at, Script: s, Step: step)))
            .OrderBy(m => m.At).ThenBy(m => m.Script).ThenBy(m => m.Step);
        var tickets = new Ticket?[scripts.Count];
        var opened = 0;
        foreach (var (at, s, step) in moments)
        {
            clock.Now = anchor + at;
            var script = scripts[s];
            var requester = cast.Contacts[script.From];
            var before = tickets[s];
            tickets[s] = before is null
                ? await OpenAsync(script, requester, ct)
                : await ApplyAsync(before, requester, script.Steps[step - 1], ct);
            opened += ReferenceEquals(before, tickets[s]) ? 0 : 1;
        }
        return opened;
    }

    private static IEnumerable<TimeSpan> Moments(DemoTicket script)
    {
        var at = script.Opened;
        yield return at;
        foreach (var step in script.Steps)
        {
            at += step.After;
            yield return at;
        }
    }

    private async Task<Ticket> OpenAsync(DemoTicket script, Contact requester, CancellationToken ct)
    {
        var request = new InboundRequest(script.Channel, new RequesterInfo(script.From, requester.Name), script.Subject,
            MessageBody.From(script.Body, null), script.Language, script.Urgency, script.Priority, []);
        var ticket = (await intake.OpenTicketAsync(request, Actor.Contact(requester.Id), ct)).Ticket;
        // Routing's decision, made by the system the moment the ticket arrived.
        ticket.SetTeam(script.Team is null ? null : cast.Teams[script.Team].Id, Actor.System, clock.Now);
        ticket.Assign(script.Assignee is null ? null : cast.Agents[script.Assignee].Id, Actor.System, clock.Now);
        ticket.SetTags(script.Tags, Actor.System, clock.Now);
        return ticket;
    }

    /// <summary>Applies one step and returns the ticket it landed on: a customer writing on a closed ticket opens a follow-up.</summary>
    private async Task<Ticket> ApplyAsync(Ticket ticket, Contact requester, DemoStep step, CancellationToken ct)
    {
        var now = clock.Now;
        switch (step)
        {
            case CustomerWrites customer:
                var received = await intake.ReceiveAsync(ticket, requester, MessageBody.From(customer.Text, null), ticket.Channel, [], ct);
                return received.Ticket;
            case AgentWrites writes:
                var agent = cast.Agents[writes.Agent];
                var author = Actor.Agent(agent.Id);
                await conversation.AppendAsync(ticket, writes.Kind, author, agent.Name, MessageBody.From(writes.Text, null), ticket.Channel, [], now, ct);
                if (writes.Kind == MessageKind.Reply)
                {
                    ticket.RecordAgentReply(author, now, writes.Then);
                }
                else
                {
                    ticket.RecordNote(author, now, writes.Then);
                }
                return ticket;
            case Escalation escalation:
                var by = Actor.Agent(cast.Agents[escalation.Agent].Id);
                ticket.SetTier(escalation.Tier, by, now);
                ticket.SetTeam(cast.Teams[escalation.Team].Id, by, now);
                ticket.Assign(cast.Agents[escalation.Assignee].Id, by, now);
                return ticket;
            case AutoClose:
                ticket.ChangeStatus(TicketStatus.Closed, Actor.System, now);
                return ticket;
            default:
                throw new InvalidOperationException($"Unknown demo step {step.GetType().Name}.");
        }
    }
}
