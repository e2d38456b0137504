using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Routing;

/// <summary>
/// A named lease in the database: the node holding it runs the router pass, so two nodes on one PostgreSQL never
/// decide over the same queue at once. A node that stops renewing loses it when it expires. Not workspace data.
/// </summary>
public sealed class RouterLease
{
    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Takes or renews the lease with one conditional update; a first insert races on the primary key.</summary>
    public static async Task<bool> TryAcquireAsync(HeliodeskDb db, string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken ct)
    {
        var until = now + ttl;
        var taken = await db.Set<RouterLease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Set<RouterLease>().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        db.Set<RouterLease>().Add(new RouterLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (ConflictingWrites.IsKeyViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

internal sealed class RouterLeaseConfiguration : IEntityTypeConfiguration<RouterLease>
{
    public void Configure(EntityTypeBuilder<RouterLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Limits.ShortText);
        builder.Property(l => l.Holder).HasMaxLength(Limits.ShortText);
    }
}
