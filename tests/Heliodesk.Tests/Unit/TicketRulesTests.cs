using Heliodesk.Common;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Tests.Unit;

/// <summary>The ticket's rules on their own: no database, no HTTP, a clock we move by hand.</summary>
public sealed class TicketRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = Actor.Agent(Guid.CreateVersion7());
    private static readonly Actor Customer = Actor.Contact(Guid.CreateVersion7());

    private static Ticket NewTicket(CustomerUrgency urgency = CustomerUrgency.Normal, TicketPriority? priority = null) =>
        Ticket.Open(new TicketDraft(Guid.CreateVersion7(), 42, "Invoice is wrong", Channel.Email, Guid.CreateVersion7(), null, "en", urgency, priority), Customer, Monday);

    [Fact]
    public void Business_critical_urgency_makes_an_urgent_ticket_unless_a_priority_is_given()
    {
        Assert.Equal(TicketPriority.Urgent, NewTicket(CustomerUrgency.Critical).Priority);
        Assert.Equal(TicketPriority.Low, NewTicket(CustomerUrgency.Critical, TicketPriority.Low).Priority);
        Assert.Equal(TicketPriority.Normal, NewTicket().Priority);
    }

    [Fact]
    public void The_first_agent_reply_is_stamped_once_and_every_reply_is_a_touch()
    {
        var ticket = NewTicket();

        ticket.RecordAgentReply(Agent, Monday.AddMinutes(12), next: null);
        ticket.RecordAgentReply(Agent, Monday.AddHours(2), next: TicketStatus.Pending);

        Assert.Equal(Monday.AddMinutes(12), ticket.FirstReplyAt);
        Assert.Equal(2, ticket.TouchCount);
        Assert.Equal(TicketStatus.Pending, ticket.Status);
    }

    [Fact]
    public void Notes_are_not_touches_and_do_not_stamp_a_first_reply()
    {
        var ticket = NewTicket();

        ticket.RecordNote(Agent, Monday.AddMinutes(5), next: null);

        Assert.Null(ticket.FirstReplyAt);
        Assert.Equal(0, ticket.TouchCount);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    [Theory]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.OnHold)]
    [InlineData(TicketStatus.Solved)]
    public void A_customer_message_brings_a_waiting_or_solved_ticket_back_to_open(TicketStatus waiting)
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(waiting, Agent, Monday.AddHours(1));

        ticket.ReceiveCustomerMessage(Customer, Monday.AddHours(3));

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(waiting == TicketStatus.Solved ? 1 : 0, ticket.ReopenCount);
        Assert.Null(ticket.SolvedAt);
    }

    [Fact]
    public void Solving_stamps_the_time_and_closing_keeps_it_without_counting_a_reopen()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(TicketStatus.Solved, Agent, Monday.AddHours(4));

        ticket.ChangeStatus(TicketStatus.Closed, Actor.System, Monday.AddDays(4));

        Assert.Equal(Monday.AddHours(4), ticket.SolvedAt);
        Assert.Equal(Monday.AddDays(4), ticket.ClosedAt);
        Assert.Equal(0, ticket.ReopenCount);
    }

    [Fact]
    public void Only_a_solved_ticket_closes_and_a_closed_ticket_never_changes_again()
    {
        var ticket = NewTicket();
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => ticket.ChangeStatus(TicketStatus.Closed, Agent, Monday)).Field);

        ticket.StartIn(TicketStatus.Closed, Agent, Monday);

        Assert.Throws<DomainRuleException>(() => ticket.ReceiveCustomerMessage(Customer, Monday.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => ticket.SetPriority(TicketPriority.High, Agent, Monday.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => ticket.SetTags(["late"], Agent, Monday.AddDays(1)));
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void A_ticket_never_goes_back_to_new()
    {
        var ticket = NewTicket();
        ticket.ChangeStatus(TicketStatus.Open, Agent, Monday);

        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => ticket.ChangeStatus(TicketStatus.New, Agent, Monday)).Field);
    }

    [Fact]
    public void Each_change_records_one_event_and_a_no_op_records_none()
    {
        var ticket = NewTicket();
        var assignee = Guid.CreateVersion7();

        ticket.Assign(assignee, Agent, Monday.AddMinutes(1));
        ticket.Assign(assignee, Agent, Monday.AddMinutes(2));
        ticket.SetTags(["billing", "vip"], Agent, Monday.AddMinutes(3));
        ticket.SetTags(["vip"], Agent, Monday.AddMinutes(4));

        Assert.Equal(
            [(TicketEventType.Created, null, null), (TicketEventType.AssigneeChanged, null, assignee.ToString()),
             (TicketEventType.TagAdded, null, "billing"), (TicketEventType.TagAdded, null, "vip"), (TicketEventType.TagRemoved, "billing", null)],
            ticket.PendingEvents.Select(e => (e.Type, e.From, e.Type == TicketEventType.Created ? null : e.To)));
        Assert.Equal(Monday.AddMinutes(4), ticket.UpdatedAt);
    }

    [Fact]
    public void Tiers_run_from_one_to_three()
    {
        var ticket = NewTicket();
        ticket.SetTier(3, Agent, Monday);

        Assert.Equal(3, ticket.Tier);
        Assert.Equal("tier", Assert.Throws<DomainRuleException>(() => ticket.SetTier(4, Agent, Monday)).Field);
    }

    [Theory]
    [InlineData("  Needs Callback ", "needs-callback")]
    [InlineData("VIP", "vip")]
    [InlineData("plan:enterprise", "plan:enterprise")]
    [InlineData("账单", "账单")]
    [InlineData("-leading", null)]
    [InlineData("semi;colon", null)]
    public void Tags_are_normalized_or_refused(string raw, string? expected) => Assert.Equal(expected, TicketTag.Normalize(raw));

    [Theory]
    [InlineData("ZH-hans-cn", "zh-Hans-CN")]
    [InlineData("sr_cyrl", "sr-Cyrl")]
    [InlineData("es-419", "es-419")]
    [InlineData("tl", "tl")]
    [InlineData("english!", null)]
    [InlineData("", null)]
    public void Language_tags_take_their_canonical_casing(string raw, string? expected) => Assert.Equal(expected, LanguageTag.Normalize(raw));
}
