using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Contacts;

/// <summary>A customer company. Contacts whose email domain matches <see cref="Domains"/> join it.</summary>
public sealed class Organization : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public List<string> Domains { get; set; } = [];
    public string? Plan { get; set; }
    public decimal? Mrr { get; set; }
    public string? Currency { get; set; }
    public LifecycleStage? Lifecycle { get; set; }
    public DateOnly? SignupDate { get; set; }
    public string? ExternalId { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasIndex(o => new { o.WorkspaceId, o.Name });
        builder.HasIndex(o => new { o.WorkspaceId, o.ExternalId }).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Limits.Name);
        builder.Property(o => o.Plan).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.Mrr).HasPrecision(14, 2);
        builder.Property(o => o.Currency).HasMaxLength(Limits.Currency);
        builder.Property(o => o.ExternalId).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.Notes).HasMaxLength(10_000);
    }
}
