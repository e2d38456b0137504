using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Workspaces;

/// <summary>A tenant: one support organisation. Everything customer-facing hangs off its id.</summary>
public sealed class Workspace
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string DefaultLanguage { get; set; } = "en";
    public string TimeZone { get; set; } = "UTC";
    public long LastTicketNumber { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(Limits.Name);
        builder.Property(w => w.DefaultLanguage).HasMaxLength(Limits.Language);
        builder.Property(w => w.TimeZone).HasMaxLength(Limits.TimeZone);
    }
}
