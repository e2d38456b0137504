using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Workforce;

/// <summary>
/// Fewer agents online than the current hour's minimum for one region line. Raised once when the breach starts,
/// cleared when it ends; <see cref="OpenKey"/> carries the line's key only while open, and a unique index on it
/// means a line can never have two open alerts, whichever node raised them.
/// </summary>
public sealed class StaffingAlert : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Region { get; init; }
    public string? Language { get; init; }
    public string? Skill { get; init; }
    public required string Key { get; init; }
    public string? OpenKey { get; set; }
    public int Minimum { get; set; }
    public int Online { get; set; }
    public int LowestOnline { get; set; }
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? ClearedAt { get; set; }

    public StaffingLine Line => new(Region, Language, Skill);
}

public sealed record StaffingAlertResponse(
    Guid Id, string Region, string? Language, string? Skill, int Minimum, int Online, int LowestOnline, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt)
{
    public bool IsOpen => ClearedAt is null;

    public static StaffingAlertResponse From(StaffingAlert a) => new(a.Id, a.Region, a.Language, a.Skill, a.Minimum, a.Online, a.LowestOnline, a.RaisedAt, a.ClearedAt);
}

internal sealed class StaffingAlertConfiguration : IEntityTypeConfiguration<StaffingAlert>
{
    public void Configure(EntityTypeBuilder<StaffingAlert> builder)
    {
        builder.HasIndex(a => new { a.WorkspaceId, a.OpenKey }).IsUnique();
        builder.HasIndex(a => new { a.WorkspaceId, a.RaisedAt });
        builder.Property(a => a.Region).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Language).HasMaxLength(Limits.Language);
        builder.Property(a => a.Skill).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Key).HasMaxLength(Limits.Name);
        builder.Property(a => a.OpenKey).HasMaxLength(Limits.Name);
        builder.Ignore(a => a.Line);
    }
}
