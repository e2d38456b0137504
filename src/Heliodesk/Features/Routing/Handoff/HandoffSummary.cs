using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>A message of the conversation as the summary reads it.</summary>
public sealed record ConversationLine(MessageKind Kind, ActorKind AuthorKind, Guid? AuthorId, string Text, DateTimeOffset At);

/// <summary>What the next agent reads first: the customer's last words, what was tried, and the next step.</summary>
public sealed record HandoffSummary(string? CustomerMessage, string? Tried, string? NextStep)
{
    private const int Excerpt = 600;
    private const int TriedLines = 3;

    /// <summary>
    /// Assembles the summary at handoff. What was tried and the next step come from the outgoing agent's handoff
    /// note; when they wrote no "tried", their own latest replies and notes on the ticket stand in for it (marked
    /// as such), so the next agent still sees what was done instead of an empty box. The next step is never
    /// guessed: without one the summary says so.
    /// </summary>
    public static HandoffSummary Assemble(IReadOnlyList<ConversationLine> conversation, Guid outgoingAgentId, string? tried, string? nextStep)
    {
        var customer = conversation.Where(m => m.Kind == MessageKind.Reply && m.AuthorKind == ActorKind.Contact)
            .OrderBy(m => m.At).LastOrDefault();
        var triedText = Clean(tried);
        if (triedText is null)
        {
            var theirs = conversation.Where(m => m.AuthorKind == ActorKind.Agent && m.AuthorId == outgoingAgentId)
                .OrderByDescending(m => m.At).Take(TriedLines).Reverse()
                .Select(m => $"- {(m.Kind == MessageKind.Note ? "note" : "reply")}: {Clip(FirstLine(m.Text), 200)}")
                .ToList();
            triedText = theirs.Count == 0 ? null : "From the conversation:\n" + string.Join('\n', theirs);
        }
        return new HandoffSummary(customer is null ? null : Clip(customer.Text.Trim(), Excerpt), triedText, Clean(nextStep));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Clip(text.Trim(), HandoffLimits.Note);

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
