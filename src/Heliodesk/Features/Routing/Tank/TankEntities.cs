using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing.Tank;

/// <summary>A queue's tank threshold: more agent touches than this makes a ticket tank. Without a row, the default.</summary>
public sealed class TankQueueSetting : IWorkspaceOwned
{
    public const int DefaultMaxTouches = 8;

    public Guid WorkspaceId { get; init; }
    public Guid QueueId { get; init; }
    public int MaxTouches { get; set; } = DefaultMaxTouches;
}

/// <summary>Who owns the tank queue each week: the agents in turn, one week each, weeks starting Monday 00:00 in the zone.</summary>
public sealed class TankRotation : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string TimeZone { get; set; }
    public DateOnly FirstWeek { get; set; }
    public List<Guid> AgentIds { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A ticket found to be tank, when and why; the badge in lists and on the ticket page reads this.</summary>
public sealed class TankMark : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public Guid? QueueId { get; init; }
    public DateTimeOffset Since { get; init; }
    public required string Reason { get; init; }
}

internal sealed class TankConfiguration :
    IEntityTypeConfiguration<TankQueueSetting>, IEntityTypeConfiguration<TankRotation>, IEntityTypeConfiguration<TankMark>
{
    public void Configure(EntityTypeBuilder<TankQueueSetting> builder)
    {
        builder.HasKey(s => new { s.WorkspaceId, s.QueueId });
        builder.HasOne<RoutingQueue>().WithMany().HasForeignKey(s => s.QueueId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TankRotation> builder)
    {
        builder.HasKey(r => r.WorkspaceId);
        builder.Property(r => r.TimeZone).HasMaxLength(Limits.TimeZone);
    }

    public void Configure(EntityTypeBuilder<TankMark> builder)
    {
        builder.HasKey(m => new { m.WorkspaceId, m.TicketId });
        builder.Property(m => m.Reason).HasMaxLength(Limits.ShortText);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).HasPrincipalKey(t => t.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
