using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>Why a ticket stays with its agent over a shift change instead of going to the next region.</summary>
public enum StickyReason { Specialist, Complex, AgentChoice }

/// <summary>
/// What the agent working a ticket wants the next one to know, written at any time (what was tried, the next
/// step), and whether the ticket stays with them over a shift change. One row per ticket; the sticky mark
/// belongs to the agent who set it, so it lapses when the ticket moves to someone else.
/// </summary>
public sealed class HandoffPlan : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public string? Tried { get; set; }
    public string? NextStep { get; set; }
    public DateTimeOffset? NoteUpdatedAt { get; set; }
    public Guid? NoteUpdatedBy { get; set; }
    public StickyReason? Sticky { get; set; }
    public Guid? StickyAgentId { get; set; }
    public DateTimeOffset? StickySince { get; set; }

    public bool IsStickyFor(Guid? agentId) => Sticky is not null && agentId is not null && StickyAgentId == agentId;
}

/// <summary>One agent's shift ending, handled once: the unique key is what makes it once, whichever node runs it.</summary>
public sealed class ShiftHandoff : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid AgentId { get; init; }
    public DateTimeOffset ShiftEnd { get; init; }
    public string? FromRegion { get; init; }
    public string? ToRegion { get; init; }
    public DateTimeOffset RanAt { get; init; }
}

public enum HandoffOutcome { HandedOver, Kept, Deferred, Settled }

/// <summary>
/// What happened to one ticket at one shift change, with the summary the next agent reads first. A ticket whose
/// reply was being written is <see cref="HandoffOutcome.Deferred"/> until the draft ends or the grace period
/// passes; the row then records the outcome and when.
/// </summary>
public sealed class TicketHandoff : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid ShiftHandoffId { get; init; }
    public Guid TicketId { get; init; }
    public Guid FromAgentId { get; init; }
    public string? FromRegion { get; init; }
    public string? ToRegion { get; init; }
    public HandoffOutcome Outcome { get; set; }
    public string? KeptBecause { get; set; }
    public bool WasDeferred { get; set; }
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? RetryUntil { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
    public string? CustomerMessage { get; set; }
    public string? Tried { get; set; }
    public string? NextStep { get; set; }
}

/// <summary>The digest posted when a region's day ends; kept for the digests page whether or not a webhook is set.</summary>
public sealed class HandoffDigest : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Region { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Text { get; init; }
    public required string Payload { get; init; }
    public bool Posted { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>Where a region's digests go: a Slack-compatible incoming webhook, kept encrypted (the URL is the secret).</summary>
public sealed class RegionDigestHook : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string Region { get; init; }
    public required string ProtectedUrl { get; set; }
    public required string UrlHint { get; set; }
}

internal sealed class HandoffConfiguration :
    IEntityTypeConfiguration<HandoffPlan>, IEntityTypeConfiguration<ShiftHandoff>, IEntityTypeConfiguration<TicketHandoff>,
    IEntityTypeConfiguration<HandoffDigest>, IEntityTypeConfiguration<RegionDigestHook>
{
    public void Configure(EntityTypeBuilder<HandoffPlan> builder)
    {
        builder.HasKey(p => new { p.WorkspaceId, p.TicketId });
        builder.Property(p => p.Tried).HasMaxLength(HandoffLimits.Note);
        builder.Property(p => p.NextStep).HasMaxLength(HandoffLimits.Note);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(p => p.TicketId).HasPrincipalKey(t => t.Id).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ShiftHandoff> builder)
    {
        builder.HasIndex(h => new { h.WorkspaceId, h.AgentId, h.ShiftEnd }).IsUnique();
        builder.Property(h => h.FromRegion).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.ToRegion).HasMaxLength(Limits.ShortText);
    }

    public void Configure(EntityTypeBuilder<TicketHandoff> builder)
    {
        builder.HasIndex(h => new { h.WorkspaceId, h.TicketId, h.At });
        builder.HasIndex(h => new { h.WorkspaceId, h.Outcome });
        builder.HasIndex(h => new { h.WorkspaceId, h.ShiftHandoffId, h.TicketId }).IsUnique();
        builder.Property(h => h.FromRegion).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.ToRegion).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.KeptBecause).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.CustomerMessage).HasMaxLength(HandoffLimits.Note);
        builder.Property(h => h.Tried).HasMaxLength(HandoffLimits.Note);
        builder.Property(h => h.NextStep).HasMaxLength(HandoffLimits.Note);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(h => h.TicketId).HasPrincipalKey(t => t.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ShiftHandoff>().WithMany().HasForeignKey(h => h.ShiftHandoffId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HandoffDigest> builder)
    {
        builder.HasIndex(d => new { d.WorkspaceId, d.Region, d.At }).IsUnique();
        builder.Property(d => d.Region).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.Text).HasMaxLength(Limits.MessageText);
        builder.Property(d => d.Payload).HasMaxLength(Limits.MessageHtml);
    }

    public void Configure(EntityTypeBuilder<RegionDigestHook> builder)
    {
        builder.HasKey(h => new { h.WorkspaceId, h.Region });
        builder.Property(h => h.Region).HasMaxLength(Limits.ShortText);
        builder.Property(h => h.ProtectedUrl).HasMaxLength(4096);
        builder.Property(h => h.UrlHint).HasMaxLength(Limits.ShortText);
    }
}

public static class HandoffLimits
{
    /// <summary>A handoff note is read at a glance; longer belongs in an internal note on the ticket.</summary>
    public const int Note = 2000;
}
