using System.Text.RegularExpressions;
using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Tickets;

/// <summary>A tag on a ticket, kept as its own row so "all tickets tagged X" is an index lookup.</summary>
public sealed partial class TicketTag : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public required string Name { get; init; }

    /// <summary>Tags are lowercase words joined by '-' or '_', in any script; spaces become '-'.</summary>
    public static string? Normalize(string raw)
    {
        var tag = Whitespace().Replace(raw.Trim().ToLowerInvariant(), "-");
        return tag.Length is > 0 and <= Limits.Tag && Allowed().IsMatch(tag) ? tag : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_\-:.]*$")]
    private static partial Regex Allowed();
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> builder)
    {
        builder.HasKey(t => new { t.WorkspaceId, t.TicketId, t.Name });
        builder.HasIndex(t => new { t.WorkspaceId, t.Name, t.TicketId });
        builder.Property(t => t.Name).HasMaxLength(Limits.Tag);
    }
}
