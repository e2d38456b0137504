using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Agents;

/// <summary>
/// A bearer token. Only its SHA-256 is stored: tokens are 256 random bits, so a fast hash is as
/// safe as a slow one and keeps every API request to one indexed lookup. An instance-administrator
/// token has no workspace; every other token acts as one agent of one workspace.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "hd_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? WorkspaceId { get; init; }
    public Guid? AgentId { get; init; }
    public required string Name { get; set; }
    public required string Hash { get; init; }
    public required string Hint { get; init; }
    public bool IsInstanceAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string HintOf(string secret) => secret.Length <= 10 ? "…" : secret[..7] + "…" + secret[^4..];
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => new { t.WorkspaceId, t.AgentId });
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(20);
        builder.HasOne<Agent>().WithMany().HasForeignKey(t => t.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
