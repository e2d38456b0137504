using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Where tickets wait for an agent: who may take them (team, skills, tier, region) and how they are handed out.
/// After <see cref="OverflowAfter"/> without an agent the pool widens one step (see <see cref="OverflowSteps"/>).
/// </summary>
public sealed class RoutingQueue : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public Guid? TeamId { get; set; }
    public List<string> Skills { get; set; } = [];
    public int Tier { get; set; } = 1;
    public string? Region { get; set; }
    public StrategyKind Strategy { get; set; } = StrategyKind.LeastLoaded;
    public int OverflowAfterSeconds { get; set; } = 300;

    public TimeSpan OverflowAfter => TimeSpan.FromSeconds(OverflowAfterSeconds);

    /// <summary>Whose turn it was last, so round robin carries on where it stopped instead of favouring the first id.</summary>
    public Guid? LastAssignedAgentId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The ways the pool widens, in order; a ticket's step says how far it has gone.</summary>
public static class OverflowSteps
{
    public const int Strict = 0;
    public const int AnyRegion = 1;
    public const int FallbackLanguage = 2;
    public const int Last = FallbackLanguage;

    public static string Describe(int step, string? fallbackLanguage) => step switch
    {
        AnyRegion => "overflow: any region",
        FallbackLanguage => fallbackLanguage is null
            ? "overflow: no fallback language configured, waiting for a speaker"
            : $"overflow: {LanguageNames.Of(fallbackLanguage)} speakers allowed (needs language)",
        _ => "queued",
    };
}

internal sealed class RoutingQueueConfiguration : IEntityTypeConfiguration<RoutingQueue>
{
    public void Configure(EntityTypeBuilder<RoutingQueue> builder)
    {
        builder.HasIndex(q => new { q.WorkspaceId, q.Name }).IsUnique();
        builder.Property(q => q.Name).HasMaxLength(Limits.Name);
        builder.Property(q => q.Region).HasMaxLength(Limits.ShortText);
        builder.Ignore(q => q.OverflowAfter);
        builder.HasOne<Team>().WithMany().HasForeignKey(q => q.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
