using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasIndex(t => new { t.WorkspaceId, t.Number }).IsUnique();
        // Each list view is one of these prefixes followed by the sort key, so a page of 50 is an
        // index range scan however many tickets the workspace holds.
        builder.HasIndex(t => new { t.WorkspaceId, t.Status, t.Number });
        builder.HasIndex(t => new { t.WorkspaceId, t.TeamId, t.Status, t.Number });
        builder.HasIndex(t => new { t.WorkspaceId, t.AssigneeId, t.Status, t.Number });
        builder.HasIndex(t => new { t.WorkspaceId, t.RequesterId, t.Number });
        builder.HasIndex(t => new { t.WorkspaceId, t.UpdatedAt, t.Number });
        // The inboxes' default order (urgent first, then oldest): read in index order, a page of 50 stops
        // after the first matches instead of sorting every open ticket (ORDER BY Priority DESC, Number ASC).
        builder.HasIndex(t => new { t.WorkspaceId, t.Priority, t.Number }).IsDescending(false, true, false);
        // "Solved (recent)" counts tickets solved in the last days: covering, so no table row is read.
        builder.HasIndex(t => new { t.WorkspaceId, t.Status, t.SolvedAt });

        builder.Property(t => t.Subject).HasMaxLength(Limits.Subject);
        builder.Property(t => t.Language).HasMaxLength(Limits.Language);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.PendingEvents);
        builder.Ignore(t => t.IsClosed);

        builder.HasMany(t => t.Tags).WithOne().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agent>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(t => t.FollowUpOfId).OnDelete(DeleteBehavior.Restrict);
    }
}
