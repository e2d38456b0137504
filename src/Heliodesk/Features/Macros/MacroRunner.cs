using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Macros;

/// <summary>
/// Renders a macro for one ticket and applies it, for the API and the composer alike: the text goes
/// out through <see cref="TicketCommands.PostMessageAsync"/> and every action through
/// <see cref="TicketCommands.UpdateAsync"/>, so the same rules and events apply. Callers save and commit.
/// </summary>
public sealed class MacroRunner(HeliodeskDb db, TicketCommands commands)
{
    public Task<Macro?> FindAsync(Guid macroId, Caller caller, CancellationToken ct) =>
        MacroApi.Visible(db, caller).AsNoTracking().Include(m => m.Bodies).FirstOrDefaultAsync(m => m.Id == macroId, ct);

    /// <summary>The macro's text for this ticket: the body in the ticket's language with its placeholders filled.</summary>
    public async Task<RenderedMacro> RenderAsync(Ticket ticket, Macro macro, Caller caller, CancellationToken ct)
    {
        var workspaceLanguage = await db.Workspaces.Where(w => w.Id == ticket.WorkspaceId).Select(w => w.DefaultLanguage).SingleAsync(ct);
        var body = MacroTemplate.BodyFor(macro.Bodies, ticket.Language, workspaceLanguage);
        if (body is null)
        {
            return new RenderedMacro(macro.Id, macro.Name, null, "", macro.HasActions);
        }
        var customer = await db.Contacts.AsNoTracking().Where(c => c.Id == ticket.RequesterId)
            .Select(c => new
            {
                c.Name,
                Email = c.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault(),
                Organization = db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            }).FirstAsync(ct);
        // A contact who never gave a name is named after their address ("j.smith2"); that is no name to greet.
        var named = customer.Email is null || !string.Equals(customer.Name, customer.Email.Split('@')[0], StringComparison.OrdinalIgnoreCase);
        var values = new MacroValues(named ? customer.Name : null, customer.Email, ticket.Number, ticket.Subject, caller.Name, customer.Organization);
        return new RenderedMacro(macro.Id, macro.Name, body.Language, MacroTemplate.Render(body.Text, values, body.Language), macro.HasActions);
    }

    /// <summary>
    /// Applies the macro: its actions, then its text (or <paramref name="text"/>, what the agent edited) as a reply
    /// or note whose "then set" status is the macro's status (or the one the agent chose in the composer).
    /// Returns the ticket and the message, if one was sent.
    /// </summary>
    public async Task<(Ticket Ticket, Message? Message)> ApplyAsync(
        Ticket ticket, Macro macro, Caller caller, MessageKind kind, string? text, IReadOnlyList<Guid> attachmentIds, Channel channel,
        TicketStatus? status, CancellationToken ct)
    {
        status ??= macro.SetStatus;
        await commands.UpdateAsync(ticket, caller, Actions(ticket, macro, caller), ct);
        var body = text ?? (await RenderAsync(ticket, macro, caller, ct)).Text;
        if (!string.IsNullOrWhiteSpace(body) || attachmentIds.Count > 0)
        {
            var request = new PostMessageRequest(body, kind, Status: status, AttachmentIds: [.. attachmentIds]);
            var (landed, message) = await commands.PostMessageAsync(ticket, caller, request, channel, ct);
            return (landed, message);
        }
        if (status is { } next)
        {
            await commands.UpdateAsync(ticket, caller, new UpdateTicketRequest { Status = next }, ct);
        }
        return (ticket, null);
    }

    // Everything but the status, which rides on the message so "send and set Pending" reads as one step.
    private static UpdateTicketRequest Actions(Ticket ticket, Macro macro, Caller caller)
    {
        var tags = ticket.Tags.Select(t => t.Name).Where(t => !macro.RemoveTags.Contains(t)).Concat(macro.AddTags).Distinct(StringComparer.Ordinal).ToList();
        var tagsChange = macro.AddTags.Count > 0 || macro.RemoveTags.Count > 0;
        Guid? assignee = macro.AssignToMe ? caller.AgentId : macro.SetAssigneeId;
        return new UpdateTicketRequest
        {
            Priority = macro.SetPriority,
            Tags = tagsChange ? tags : null,
            TeamId = macro.SetTeamId is { } team ? Optional<Guid?>.Of(team) : default,
            AssigneeId = assignee is { } agent ? Optional<Guid?>.Of(agent) : default,
        };
    }
}
