using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Agents;

/// <summary>A group of agents that owns a queue of tickets (e.g. "Billing EMEA").</summary>
public sealed class Team : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class TeamMember : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TeamId { get; init; }
    public Guid AgentId { get; init; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>, IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.Property(t => t.Description).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.WorkspaceId, m.TeamId, m.AgentId });
        builder.HasIndex(m => new { m.WorkspaceId, m.AgentId });
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
