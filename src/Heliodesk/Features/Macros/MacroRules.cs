using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Macros;

/// <summary>Checks a macro as it is saved, naming the field at fault, and copies it onto the entity.</summary>
internal static class MacroRules
{
    public static async Task ApplyAsync(Macro macro, SaveMacroRequest request, HeliodeskDb db, DateTimeOffset now, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            throw new DomainRuleException("name", "Give the macro a name agents will recognise.");
        }
        var bodies = Bodies(request.Bodies ?? [], macro);
        var actions = request.Actions ?? new MacroActions();
        if (actions.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            throw new DomainRuleException("actions.teamId", "No team with this id in this workspace.");
        }
        if (actions.AssigneeId is { } agentId && !await db.Agents.AnyAsync(a => a.Id == agentId && a.IsActive, ct))
        {
            throw new DomainRuleException("actions.assigneeId", "No active agent with this id in this workspace.");
        }
        macro.Name = name;
        macro.Bodies.AddRange(bodies);
        macro.SetStatus = actions.Status;
        macro.SetPriority = actions.Priority;
        macro.AddTags = Tags(actions.AddTags, "actions.addTags");
        macro.RemoveTags = Tags(actions.RemoveTags, "actions.removeTags");
        macro.SetTeamId = actions.TeamId;
        macro.SetAssigneeId = actions.AssignToMe ? null : actions.AssigneeId;
        macro.AssignToMe = actions.AssignToMe;
        macro.UpdatedAt = now;
        if (macro.Bodies.Count == 0 && !macro.HasActions)
        {
            throw new DomainRuleException("bodies", "A macro needs a text, at least one action, or both.");
        }
    }

    private static List<MacroBody> Bodies(List<MacroBodyRequest> requested, Macro macro)
    {
        var bodies = new List<MacroBody>();
        for (var i = 0; i < requested.Count; i++)
        {
            var language = Fields.Language(requested[i].Language, $"bodies[{i}].language");
            var text = requested[i].Text.Trim();
            if (text.Length == 0)
            {
                throw new DomainRuleException($"bodies[{i}].text", "Write the macro's text, or leave this language out.");
            }
            MacroTemplate.Validate(text, $"bodies[{i}].text");
            if (bodies.Exists(b => string.Equals(b.Language, language, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainRuleException($"bodies[{i}].language", $"The macro already has a text in '{language}'.");
            }
            bodies.Add(new MacroBody { WorkspaceId = macro.WorkspaceId, MacroId = macro.Id, Language = language, Text = text });
        }
        return bodies;
    }

    private static List<string> Tags(List<string>? raw, string field) =>
        (raw ?? []).Select(t => TicketTag.Normalize(t) ?? throw new DomainRuleException(field,
            $"'{t}' is not a tag: use letters, digits, '-' or '_'.")).Distinct(StringComparer.Ordinal).ToList();
}
