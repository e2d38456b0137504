using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Inbox;

/// <summary>The rules for saved views: who sees, saves and deletes which, and what a filter may hold.</summary>
public static class SavedViews
{
    public const int MaxPerAgent = 50;

    /// <summary>Views the caller sees: the workspace's shared ones and their own, by name.</summary>
    public static Task<List<SavedView>> ListAsync(HeliodeskDb db, Caller caller, CancellationToken ct) =>
        db.Set<SavedView>().AsNoTracking().Where(v => v.OwnerAgentId == null || v.OwnerAgentId == caller.AgentId)
            .OrderBy(v => v.OwnerAgentId != null).ThenBy(v => v.Name).ToListAsync(ct);

    public static Task<SavedView?> FindAsync(HeliodeskDb db, Caller caller, Guid id, CancellationToken ct) =>
        db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id && (v.OwnerAgentId == null || v.OwnerAgentId == caller.AgentId), ct);

    /// <summary>Creates (id null) or updates a view after checking every field; returns the saved view.</summary>
    public static async Task<SavedView> SaveAsync(HeliodeskDb db, Caller caller, Guid? id, string name, ViewFilter filter, bool shared,
        DateTimeOffset now, CancellationToken ct)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > Limits.ShortText)
        {
            throw new DomainRuleException("name", $"Name the view in 1 to {Limits.ShortText} characters.");
        }
        if (shared && caller.Role is not (AgentRole.Owner or AgentRole.Admin or AgentRole.Lead))
        {
            throw new DomainRuleException("shared", "Only leads and admins can share views with the workspace.");
        }
        var clean = await CheckAsync(db, filter, ct);
        var view = id is { } existing ? await FindAsync(db, caller, existing, ct) ?? throw new DomainRuleException("id", "No such view.") : null;
        if (view is null)
        {
            if (await db.Set<SavedView>().CountAsync(v => v.OwnerAgentId == caller.AgentId, ct) >= MaxPerAgent)
            {
                throw new DomainRuleException("name", $"Keep at most {MaxPerAgent} views of your own; delete one first.");
            }
            // Personal until shared below: a new view must not look shared to the check that follows,
            // or an agent (not a lead) could never save a view of their own.
            view = new SavedView
            {
                WorkspaceId = db.CurrentWorkspaceId,
                CreatedById = caller.AgentId,
                OwnerAgentId = caller.AgentId,
                Name = trimmed,
                CreatedAt = now,
            };
            db.Add(view);
        }
        EnsureMayChange(view, caller);
        view.Name = trimmed;
        view.Filter = clean;
        view.OwnerAgentId = shared ? null : caller.AgentId;
        view.UpdatedAt = now;
        return view;
    }

    public static async Task DeleteAsync(HeliodeskDb db, Caller caller, Guid id, CancellationToken ct)
    {
        var view = await FindAsync(db, caller, id, ct) ?? throw new DomainRuleException("id", "No such view.");
        EnsureMayChange(view, caller);
        db.Remove(view);
    }

    private static void EnsureMayChange(SavedView view, Caller caller)
    {
        if (view.IsShared && caller.Role is not (AgentRole.Owner or AgentRole.Admin or AgentRole.Lead))
        {
            throw new DomainRuleException("shared", "Only leads and admins can change shared views.");
        }
    }

    // The same field rules as the ticket list's query parameters, so a saved view is always a valid query.
    private static async Task<ViewFilter> CheckAsync(HeliodeskDb db, ViewFilter filter, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(filter.Language) ? null : Fields.Language(filter.Language);
        var tag = string.IsNullOrWhiteSpace(filter.Tag) ? null
            : TicketTag.Normalize(filter.Tag) ?? throw new DomainRuleException("tag", $"'{filter.Tag}' is not a valid tag.");
        await db.EnsureReferencesAsync(Guid.TryParse(filter.Assignee, out var agent) ? agent : null, filter.TeamId, ct);
        if (filter.Assignee is { } assignee && assignee is not ("me" or "none") && !Guid.TryParse(assignee, out _))
        {
            throw new DomainRuleException("assignee", "Choose me, unassigned or an agent.");
        }
        if (filter.RequesterId is { } requester && !await db.Contacts.AnyAsync(c => c.Id == requester, ct))
        {
            throw new DomainRuleException("requesterId", "No customer with this id in this workspace.");
        }
        return filter with
        {
            Language = language,
            Tag = tag,
            Statuses = [.. filter.Statuses.Distinct()],
            Priorities = [.. filter.Priorities.Distinct()],
            Channels = [.. filter.Channels.Distinct()],
            SolvedWithinDays = null,
            Sort = filter.Sort == "-updated" ? "-updated" : "priority",
        };
    }
}
