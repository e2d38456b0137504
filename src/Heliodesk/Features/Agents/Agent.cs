using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Agents;

public enum AgentRole { Owner, Admin, Lead, Agent, Contractor }

public enum AgentStatus { Offline, Online, Away }

/// <summary>A user's membership in one workspace: what they may do there and what they can handle.</summary>
public sealed class Agent : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid UserId { get; init; }
    public User? User { get; init; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public AgentRole Role { get; set; } = AgentRole.Agent;
    public int Tier { get; set; } = 1;
    public List<string> Languages { get; set; } = [];
    public List<string> Skills { get; set; } = [];
    public string? Region { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public decimal? HourlyCost { get; set; }
    public string? Currency { get; set; }
    public AgentStatus Status { get; set; } = AgentStatus.Offline;
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsAdmin => Role is AgentRole.Owner or AgentRole.Admin;
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.HasIndex(a => new { a.WorkspaceId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.WorkspaceId, a.Email });
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId);
        builder.Property(a => a.Name).HasMaxLength(Limits.Name);
        builder.Property(a => a.Email).HasMaxLength(Limits.Email);
        builder.Property(a => a.Region).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.TimeZone).HasMaxLength(Limits.TimeZone);
        builder.Property(a => a.Currency).HasMaxLength(Limits.Currency);
        builder.Property(a => a.HourlyCost).HasPrecision(12, 2);
    }
}
