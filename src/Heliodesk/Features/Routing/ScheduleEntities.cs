using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>A region of the follow-the-sun day (AMER, EMEA, APAC), with the zone its business day is read in.</summary>
public sealed class Region : IWorkspaceOwned
{
    public static readonly (string Name, string TimeZone)[] Defaults =
        [("AMER", "America/New_York"), ("EMEA", "Europe/London"), ("APAC", "Asia/Singapore")];

    public Guid WorkspaceId { get; init; }
    public required string Name { get; init; }
    public required string TimeZone { get; set; }
}

/// <summary>A public holiday of one region: its agents' shifts starting that local date do not happen.</summary>
public sealed class RegionHoliday : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Region { get; init; }
    public DateOnly Date { get; init; }
    public required string Name { get; init; }
}

/// <summary>One recurring weekly shift of an agent, in the agent's own time zone.</summary>
public sealed class AgentShift : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid AgentId { get; init; }
    public NodaTime.IsoDayOfWeek Day { get; init; }
    public TimeOnly Start { get; init; }
    public TimeOnly End { get; init; }
}

public enum ScheduleExceptionKind { TimeOff, ExtraShift }

/// <summary>Time off (a range of local dates) or a one-off extra shift on a date, e.g. either side of a swap.</summary>
public sealed class ScheduleException : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid AgentId { get; init; }
    public ScheduleExceptionKind Kind { get; init; }
    public DateOnly First { get; init; }
    public DateOnly Last { get; init; }
    public TimeOnly? Start { get; init; }
    public TimeOnly? End { get; init; }
    public string? Note { get; init; }
}

internal sealed class ScheduleConfiguration :
    IEntityTypeConfiguration<Region>, IEntityTypeConfiguration<RegionHoliday>, IEntityTypeConfiguration<AgentShift>, IEntityTypeConfiguration<ScheduleException>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => new { r.WorkspaceId, r.Name });
        builder.Property(r => r.Name).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.TimeZone).HasMaxLength(Limits.TimeZone);
    }

    public void Configure(EntityTypeBuilder<RegionHoliday> builder)
    {
        builder.HasIndex(h => new { h.WorkspaceId, h.Region, h.Date }).IsUnique();
        builder.Property(h => h.Region).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.Name).HasMaxLength(Limits.Name);
    }

    public void Configure(EntityTypeBuilder<AgentShift> builder)
    {
        builder.HasIndex(s => new { s.WorkspaceId, s.AgentId });
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ScheduleException> builder)
    {
        builder.HasIndex(e => new { e.WorkspaceId, e.AgentId, e.Last });
        builder.Property(e => e.Note).HasMaxLength(Limits.Subject);
        builder.HasOne<Agent>().WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
