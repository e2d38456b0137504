using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Tests.Routing;

public sealed class HandoffSummaryTests
{
    private static readonly Guid Outgoing = Guid.CreateVersion7();
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConversationLine Line(MessageKind kind, ActorKind who, Guid? author, string text, int minutes) =>
        new(kind, who, author, text, Start.AddMinutes(minutes));

    private static readonly ConversationLine[] Conversation =
    [
        Line(MessageKind.Reply, ActorKind.Contact, null, "The invoice shows the wrong VAT number.", 0),
        Line(MessageKind.Reply, ActorKind.Agent, Outgoing, "Could you send the number you expected?\nThanks", 10),
        Line(MessageKind.Note, ActorKind.Agent, Guid.CreateVersion7(), "Someone else's note", 15),
        Line(MessageKind.Reply, ActorKind.Contact, null, "  It is LT100001234567.  ", 20),
        Line(MessageKind.Note, ActorKind.Agent, Outgoing, "Asked billing to reissue", 30),
    ];

    [Fact]
    public void The_summary_carries_the_customers_last_message_and_the_agents_note()
    {
        var summary = HandoffSummary.Assemble(Conversation, Outgoing, " Checked the VAT registry ", " Confirm the reissued invoice ");

        Assert.Equal("It is LT100001234567.", summary.CustomerMessage);
        Assert.Equal("Checked the VAT registry", summary.Tried);
        Assert.Equal("Confirm the reissued invoice", summary.NextStep);
    }

    [Fact]
    public void Without_a_tried_note_the_outgoing_agents_own_latest_messages_stand_in_and_no_next_step_is_invented()
    {
        var summary = HandoffSummary.Assemble(Conversation, Outgoing, null, "  ");

        Assert.Equal("From the conversation:\n- reply: Could you send the number you expected?\n- note: Asked billing to reissue", summary.Tried);
        Assert.Null(summary.NextStep);
    }

    [Fact]
    public void A_ticket_without_customer_words_or_agent_work_summarises_to_nothing()
    {
        var summary = HandoffSummary.Assemble([], Outgoing, null, null);

        Assert.Equal(new HandoffSummary(null, null, null), summary);
    }

    [Fact]
    public void A_long_customer_message_is_cut_to_an_excerpt()
    {
        var summary = HandoffSummary.Assemble([Line(MessageKind.Reply, ActorKind.Contact, null, new string('x', 5000), 0)], Outgoing, null, null);

        Assert.Equal(600, summary.CustomerMessage!.Length);
        Assert.EndsWith("…", summary.CustomerMessage);
    }
}
