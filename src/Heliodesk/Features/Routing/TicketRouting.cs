using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>Where a ticket stands in routing: waiting in a queue, matched by no rule, or not waiting (given to an agent, or released to be queued again).</summary>
public enum RoutingState { Queued, Unmatched, Assigned }

/// <summary>
/// Routing's own record of one ticket, kept beside the ticket rather than in it so the create path never
/// touches routing: which queue it waits in, since when, how far the pool has widened, and why its agent got
/// it. The UI reads <see cref="Reason"/> and <see cref="NeedsLanguage"/> from here.
/// </summary>
public sealed class TicketRouting : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public RoutingState State { get; set; }
    public Guid? QueueId { get; set; }
    public string? Region { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public int OverflowStep { get; set; }
    public DateTimeOffset? NextOverflowAt { get; set; }
    public bool NeedsLanguage { get; set; }
    public Guid? AssignedAgentId { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public string? Reason { get; set; }

    public void Enqueue(RoutingQueue queue, DateTimeOffset now, string? region = null)
    {
        State = RoutingState.Queued;
        QueueId = queue.Id;
        Region = region ?? queue.Region;
        EnqueuedAt = now;
        OverflowStep = OverflowSteps.Strict;
        NextOverflowAt = now + queue.OverflowAfter;
        NeedsLanguage = false;
        AssignedAgentId = null;
        AssignedAt = null;
        Reason = null;
    }

    public void MarkAssigned(Guid agentId, string? reason, bool needsLanguage, DateTimeOffset now)
    {
        State = RoutingState.Assigned;
        AssignedAgentId = agentId;
        AssignedAt = now;
        Reason = reason;
        NeedsLanguage = needsLanguage;
        NextOverflowAt = null;
        // A region applies to one wait; the next time the ticket queues, the queue or a handoff names it again.
        Region = null;
    }
}

internal sealed class TicketRoutingConfiguration : IEntityTypeConfiguration<TicketRouting>
{
    public void Configure(EntityTypeBuilder<TicketRouting> builder)
    {
        builder.HasKey(r => new { r.WorkspaceId, r.TicketId });
        // The router reads a workspace's waiting tickets oldest first, and the overflow sweep by due time.
        builder.HasIndex(r => new { r.WorkspaceId, r.State, r.EnqueuedAt });
        builder.HasIndex(r => new { r.WorkspaceId, r.State, r.NextOverflowAt });
        builder.Property(r => r.Region).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Reason).HasMaxLength(Limits.Subject);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).HasPrincipalKey(t => t.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoutingQueue>().WithMany().HasForeignKey(r => r.QueueId).OnDelete(DeleteBehavior.SetNull);
    }
}
