using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>
/// How much work routing may give one agent, and when it last gave them some (the fair tie-break). A missing
/// row means the defaults: three concurrent chats, no limit on open tickets.
/// </summary>
public sealed class AgentCapacity : IWorkspaceOwned
{
    public const int DefaultMaxConcurrentChats = 3;

    public Guid WorkspaceId { get; init; }
    public Guid AgentId { get; init; }
    public int MaxConcurrentChats { get; set; } = DefaultMaxConcurrentChats;
    public int? MaxOpenTickets { get; set; }
    public DateTimeOffset? LastAssignedAt { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
}

internal sealed class AgentCapacityConfiguration : IEntityTypeConfiguration<AgentCapacity>
{
    public void Configure(EntityTypeBuilder<AgentCapacity> builder)
    {
        builder.HasKey(c => new { c.WorkspaceId, c.AgentId });
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
