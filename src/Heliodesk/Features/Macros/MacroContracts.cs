using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Macros;

public sealed record MacroBodyRequest(
    [property: Required, MaxLength(Limits.Language)] string Language,
    [property: Required, MaxLength(Limits.MessageText)] string Text);

public sealed record MacroActions(
    TicketStatus? Status = null,
    TicketPriority? Priority = null,
    [property: MaxLength(Macro.MaxTagActions)] List<string>? AddTags = null,
    [property: MaxLength(Macro.MaxTagActions)] List<string>? RemoveTags = null,
    Guid? TeamId = null,
    Guid? AssigneeId = null,
    bool AssignToMe = false);

/// <param name="Shared">True for a workspace macro (Owner/Admin only); false keeps it personal to the caller.</param>
public sealed record SaveMacroRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    bool Shared = false,
    [property: MaxLength(Macro.MaxBodies)] List<MacroBodyRequest>? Bodies = null,
    MacroActions? Actions = null);

public sealed record MacroResponse(
    Guid Id, string Name, bool Shared, Guid? OwnerAgentId, IReadOnlyList<MacroBodyRequest> Bodies, MacroActions Actions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MacroResponse Of(Macro m) => new(
        m.Id, m.Name, m.IsShared, m.OwnerAgentId,
        m.Bodies.OrderBy(b => b.Language, StringComparer.Ordinal).Select(b => new MacroBodyRequest(b.Language, b.Text)).ToList(),
        new MacroActions(m.SetStatus, m.SetPriority, m.AddTags, m.RemoveTags, m.SetTeamId, m.SetAssigneeId, m.AssignToMe),
        m.CreatedAt, m.UpdatedAt);
}

/// <param name="Kind">Post the text as a public reply (default) or an internal note.</param>
/// <param name="Body">The text to send instead of the rendered macro (the composer sends what the agent edited).</param>
public sealed record ApplyMacroRequest(
    MessageKind Kind = MessageKind.Reply,
    [property: MaxLength(Limits.MessageText)] string? Body = null,
    [property: MaxLength(Limits.AttachmentsPerMessage)] List<Guid>? AttachmentIds = null,
    int? Version = null);

public sealed record AppliedMacro(TicketResponse Ticket, MessageResponse? Message);

public sealed record RenderedMacro(Guid MacroId, string Name, string? Language, string Text, bool HasActions);
