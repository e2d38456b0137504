using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

public enum EngineeringIssueStatus { Open, InProgress, Fixed, WontFix }

/// <summary>The engineering issue a tier-3 ticket waits on (a GitHub or Jira URL and where it stands).</summary>
public sealed class EngineeringLink : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public required string Url { get; set; }
    public EngineeringIssueStatus Status { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public Guid? LinkedBy { get; set; }

    public static string ValidUrl(string raw) =>
        Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && raw.Length <= Limits.Url
            ? uri.ToString()
            : throw new DomainRuleException("url", "Use the issue's full web address, like https://github.com/acme/app/issues/42.");
}

internal sealed class EngineeringLinkConfiguration : IEntityTypeConfiguration<EngineeringLink>
{
    public void Configure(EntityTypeBuilder<EngineeringLink> builder)
    {
        builder.HasKey(l => new { l.WorkspaceId, l.TicketId });
        builder.Property(l => l.Url).HasMaxLength(Limits.Url);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
