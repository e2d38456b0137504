using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Common;

/// <summary>
/// The answer to a POST that carried an Idempotency-Key, stored in the same transaction as what
/// the POST created, so a retry gets the first answer and nothing is created twice.
/// </summary>
public sealed class IdempotencyRecord : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public required string ResponseJson { get; init; }
    public string? Location { get; init; }

    /// <summary>The first answer's ETag, so a replay carries it too.</summary>
    public string? ETag { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.WorkspaceId, r.Key });
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.Key).HasMaxLength(Limits.IdempotencyKey);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(Limits.Url);
        builder.Property(r => r.ETag).HasMaxLength(64);
    }
}
