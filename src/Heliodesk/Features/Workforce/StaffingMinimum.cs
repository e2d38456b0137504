using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Workforce;

/// <summary>
/// "At least N agents of this region, speaking this language, holding this skill, in these hours of the week."
/// The hours are hour-of-week numbers on the region's own clock (0 = Monday 00:00), so "09–17" stays nine to
/// five there whatever the offset to UTC is that week. No language or no skill means any.
/// </summary>
public sealed class StaffingMinimum : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Region { get; set; }
    public string? Language { get; set; }
    public string? Skill { get; set; }
    public int Agents { get; set; }
    public required string When { get; set; }
    public List<int> HoursOfWeek { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public StaffingLine Line => new(Region, Language, Skill);
}

/// <summary>One row of the coverage grid: a region and, optionally, a language and a skill the agents must have.</summary>
public sealed record StaffingLine(string Region, string? Language, string? Skill)
{
    public string Key => $"{Region.ToUpperInvariant()}|{(Language is null ? "" : LanguageTag.Primary(Language).ToLowerInvariant())}|{Skill}";

    public bool Covers(string? agentRegion, IReadOnlyCollection<string> languages, IReadOnlyCollection<string> skills) =>
        string.Equals(agentRegion, Region, StringComparison.OrdinalIgnoreCase)
        && (Language is null || languages.Any(l => string.Equals(LanguageTag.Primary(l), LanguageTag.Primary(Language), StringComparison.OrdinalIgnoreCase)))
        && (Skill is null || skills.Contains(Skill, StringComparer.OrdinalIgnoreCase));

    /// <summary>"es · billing", or "all agents" for the region as a whole.</summary>
    public string Label => Language is null && Skill is null ? "all agents" : string.Join(" · ", new[] { Language, Skill }.OfType<string>());
}

internal sealed class StaffingMinimumConfiguration : IEntityTypeConfiguration<StaffingMinimum>
{
    public void Configure(EntityTypeBuilder<StaffingMinimum> builder)
    {
        builder.HasIndex(m => new { m.WorkspaceId, m.Region });
        builder.Property(m => m.Region).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.Language).HasMaxLength(Limits.Language);
        builder.Property(m => m.Skill).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.When).HasMaxLength(Limits.ShortText);
        builder.Ignore(m => m.Line);
    }
}
