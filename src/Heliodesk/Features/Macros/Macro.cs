using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Macros;

/// <summary>
/// A canned reply with placeholders, in one or more languages, plus actions applied to the ticket with it.
/// Shared macros (no owner) are kept by admins; an agent may also keep personal ones only they see.
/// </summary>
public sealed class Macro : IWorkspaceOwned
{
    public const int MaxBodies = 20;
    public const int MaxTagActions = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }

    /// <summary>Null for a shared macro; the agent's id for a personal one.</summary>
    public Guid? OwnerAgentId { get; init; }

    public List<MacroBody> Bodies { get; init; } = [];
    public TicketStatus? SetStatus { get; set; }
    public TicketPriority? SetPriority { get; set; }
    public List<string> AddTags { get; set; } = [];
    public List<string> RemoveTags { get; set; } = [];
    public Guid? SetTeamId { get; set; }
    public Guid? SetAssigneeId { get; set; }

    /// <summary>Assigns the ticket to whoever applies the macro (wins over <see cref="SetAssigneeId"/>).</summary>
    public bool AssignToMe { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsShared => OwnerAgentId is null;

    public bool HasActions => SetStatus is not null || SetPriority is not null || AddTags.Count > 0 || RemoveTags.Count > 0
        || SetTeamId is not null || SetAssigneeId is not null || AssignToMe;
}

/// <summary>The macro's text in one language (a BCP 47 tag such as "es" or "zh-Hans").</summary>
public sealed class MacroBody : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid MacroId { get; init; }
    public required string Language { get; init; }
    public required string Text { get; init; }
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> builder)
    {
        builder.ToTable("Macros");
        builder.HasIndex(m => new { m.WorkspaceId, m.OwnerAgentId, m.Name });
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.HasMany(m => m.Bodies).WithOne().HasForeignKey(b => b.MacroId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(m => m.IsShared);
        builder.Ignore(m => m.HasActions);
    }
}

internal sealed class MacroBodyConfiguration : IEntityTypeConfiguration<MacroBody>
{
    public void Configure(EntityTypeBuilder<MacroBody> builder)
    {
        builder.ToTable("MacroBodies");
        builder.HasKey(b => new { b.WorkspaceId, b.MacroId, b.Language });
        builder.Property(b => b.Language).HasMaxLength(Limits.Language);
        builder.Property(b => b.Text).HasMaxLength(Limits.MessageText);
    }
}
