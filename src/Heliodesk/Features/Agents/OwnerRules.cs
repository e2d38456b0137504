using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

/// <summary>
/// Owners hold the keys to a workspace: only an owner makes or unmakes another, and a workspace
/// always keeps at least one active owner, or nobody could ever administer it again.
/// </summary>
internal static class OwnerRules
{
    /// <summary>
    /// Serializes changes that can remove an owner. On PostgreSQL two owners demoting each other at
    /// once would each still see the other in office and both succeed; a row lock on the workspace
    /// makes them take turns, so the second one sees the first one's change. SQLite writers already
    /// take turns. Call it before reading the agents the rule is about.
    /// </summary>
    public static Task LockAsync(HeliodeskDb db, Guid workspaceId, CancellationToken ct) =>
        db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, w => w.Name), ct);

    public static void EnsureMayGrant(Caller caller, AgentRole? current, AgentRole wanted)
    {
        var touchesOwner = wanted == AgentRole.Owner || current == AgentRole.Owner;
        if (touchesOwner && wanted != current && caller.Role != AgentRole.Owner)
        {
            throw new DomainRuleException("role", "Only an owner can grant or remove the Owner role.");
        }
    }

    public static async Task EnsureRoleChangeAllowedAsync(HeliodeskDb db, Caller caller, Agent agent, AgentRole wanted, CancellationToken ct)
    {
        EnsureMayGrant(caller, agent.Role, wanted);
        if (agent.Role == AgentRole.Owner && wanted != AgentRole.Owner && agent.IsActive && !await AnotherActiveOwnerAsync(db, agent.Id, ct))
        {
            throw new DomainRuleException("role", "The workspace must keep at least one active owner; make someone else an owner first.");
        }
    }

    public static Task<bool> AnotherActiveOwnerAsync(HeliodeskDb db, Guid agentId, CancellationToken ct) =>
        db.Agents.AnyAsync(a => a.Id != agentId && a.Role == AgentRole.Owner && a.IsActive, ct);
}
