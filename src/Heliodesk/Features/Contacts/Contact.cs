using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Contacts;

/// <summary>A customer who asks for help. Known by one or more email addresses and an optional external id.</summary>
public sealed class Contact : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public List<ContactEmail> Emails { get; init; } = [];
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? Plan { get; set; }
    public decimal? Mrr { get; set; }
    public string? Currency { get; set; }
    public DateOnly? SignupDate { get; set; }
    public LifecycleStage? Lifecycle { get; set; }
    public string? ExternalId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? PrimaryEmail => Emails.Find(e => e.IsPrimary)?.Address ?? Emails.FirstOrDefault()?.Address;
}

/// <summary>One address of a contact; unique per workspace so an inbound sender maps to one person.</summary>
public sealed class ContactEmail : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string Address { get; init; }
    public Guid ContactId { get; init; }
    public bool IsPrimary { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasIndex(c => new { c.WorkspaceId, c.Name });
        builder.HasIndex(c => new { c.WorkspaceId, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.WorkspaceId, c.OrganizationId });
        builder.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(c => c.PrimaryEmail);
        builder.Property(c => c.Name).HasMaxLength(Limits.Name);
        builder.Property(c => c.Phone).HasMaxLength(Limits.Phone);
        builder.Property(c => c.Language).HasMaxLength(Limits.Language);
        builder.Property(c => c.TimeZone).HasMaxLength(Limits.TimeZone);
        builder.Property(c => c.Plan).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Mrr).HasPrecision(14, 2);
        builder.Property(c => c.Currency).HasMaxLength(Limits.Currency);
        builder.Property(c => c.ExternalId).HasMaxLength(Limits.ShortText);
    }

    public void Configure(EntityTypeBuilder<ContactEmail> builder)
    {
        builder.HasKey(e => new { e.WorkspaceId, e.Address });
        builder.HasIndex(e => new { e.WorkspaceId, e.ContactId });
        builder.Property(e => e.Address).HasMaxLength(Limits.Email);
    }
}
