using Heliodesk.Common;
using Heliodesk.Components;
using Heliodesk.Features.Macros;

namespace Heliodesk.Features.Tickets.Pages;

/// <summary>What the composer sends: text, the status to set, the files it carries, and the macro picked for it, if any.</summary>
public sealed record ComposerDraft(MessageKind Kind, string Body, TicketStatus? Status, Guid? MacroId, IReadOnlyList<Guid> AttachmentIds);

/// <summary>
/// Sends a composer draft through the same commands as the API: a plain reply or note through
/// <see cref="TicketCommands"/>, a macro's reply and actions through <see cref="MacroRunner"/>.
/// </summary>
public static class ComposerSend
{
    public static async Task SendAsync(UiWork work, Ticket ticket, ComposerDraft draft, CancellationToken ct)
    {
        if (draft.MacroId is { } macroId)
        {
            var runner = work.Get<MacroRunner>();
            var macro = await runner.FindAsync(macroId, work.Caller, ct)
                ?? throw new DomainRuleException("macroId", "This macro no longer exists.");
            await runner.ApplyAsync(ticket, macro, work.Caller, draft.Kind, draft.Body, draft.AttachmentIds, ticket.Channel, draft.Status, ct);
            return;
        }
        var request = new PostMessageRequest(draft.Body, draft.Kind, Status: draft.Status, AttachmentIds: [.. draft.AttachmentIds]);
        await work.Get<TicketCommands>().PostMessageAsync(ticket, work.Caller, request, ticket.Channel, ct);
    }

    /// <summary>The picked macro's text for this ticket, rendered in the ticket's language.</summary>
    public static async Task<(RenderedMacro Rendered, TicketStatus? Status)?> RenderAsync(UiWork work, Guid ticketId, Guid macroId, CancellationToken ct)
    {
        var runner = work.Get<MacroRunner>();
        var ticket = await work.Db.FindVisibleAsync(ticketId, work.Caller, ct);
        var macro = await runner.FindAsync(macroId, work.Caller, ct);
        return ticket is null || macro is null ? null : (await runner.RenderAsync(ticket, macro, work.Caller, ct), macro.SetStatus);
    }
}
