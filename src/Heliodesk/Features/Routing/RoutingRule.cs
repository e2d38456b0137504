using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>What a rule can look at, read once per ticket.</summary>
public sealed record TicketFacts(
    Channel Channel, string Language, TicketPriority Priority, int Tier, IReadOnlyCollection<string> Tags, Guid? OrganizationId, string? Plan);

/// <summary>
/// One line of a workspace's routing table: when every condition that is set matches, the ticket goes to the
/// queue. Rules are tried by <see cref="Position"/>; the first match wins; a rule with no condition catches all.
/// </summary>
public sealed class RoutingRule : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public Guid QueueId { get; set; }
    public Channel? Channel { get; set; }
    public string? Language { get; set; }
    public TicketPriority? MinPriority { get; set; }
    public int? MinTier { get; set; }
    public string? Tag { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? Plan { get; set; }

    public bool Matches(TicketFacts ticket) =>
        (Channel is null || Channel == ticket.Channel)
        && (Language is null || string.Equals(LanguageTag.Primary(Language), LanguageTag.Primary(ticket.Language), StringComparison.OrdinalIgnoreCase))
        && (MinPriority is null || ticket.Priority >= MinPriority)
        && (MinTier is null || ticket.Tier >= MinTier)
        && (Tag is null || ticket.Tags.Contains(Tag, StringComparer.Ordinal))
        && (OrganizationId is null || OrganizationId == ticket.OrganizationId)
        && (Plan is null || string.Equals(Plan, ticket.Plan, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first rule (by position) that matches, or null: the ticket then waits for a person to triage it.</summary>
    public static RoutingRule? FirstMatch(IEnumerable<RoutingRule> rules, TicketFacts ticket) =>
        rules.OrderBy(r => r.Position).ThenBy(r => r.Id).FirstOrDefault(r => r.Matches(ticket));
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.HasIndex(r => new { r.WorkspaceId, r.Position });
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.Language).HasMaxLength(Limits.Language);
        builder.Property(r => r.Tag).HasMaxLength(Limits.Tag);
        builder.Property(r => r.Plan).HasMaxLength(Limits.ShortText);
        builder.HasOne<RoutingQueue>().WithMany().HasForeignKey(r => r.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}
