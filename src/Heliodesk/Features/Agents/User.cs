using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Agents;

/// <summary>
/// A person who signs in. One user can be an agent in several workspaces (freelancers do),
/// so the login lives here and everything workspace-specific lives on <see cref="Agent"/>.
/// </summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? PasswordHash { get; set; }
    public string UiLanguage { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Email).HasMaxLength(Limits.Email);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(Limits.Name);
        builder.Property(u => u.UiLanguage).HasMaxLength(Limits.Language);
    }
}
