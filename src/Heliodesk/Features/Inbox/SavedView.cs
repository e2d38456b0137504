using System.Text.Json;
using System.Text.Json.Serialization;
using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Inbox;

/// <summary>
/// A view an agent saved: a name and a filter, either their own (OwnerAgentId set) or shared with the
/// whole workspace (OwnerAgentId null; leads and admins curate those).
/// </summary>
public sealed class SavedView : IWorkspaceOwned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid? OwnerAgentId { get; set; }
    public Guid CreatedById { get; init; }
    public required string Name { get; set; }

    /// <summary>The <see cref="ViewFilter"/> as JSON, so new filter fields need no migration.</summary>
    public string FilterJson { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsShared => OwnerAgentId is null;

    public ViewFilter Filter
    {
        get => JsonSerializer.Deserialize<ViewFilter>(FilterJson, Json) ?? new ViewFilter();
        set => FilterJson = JsonSerializer.Serialize(value, Json);
    }

    public InboxView ToView() => new(Id.ToString(), Name, Filter, IsBuiltIn: false, IsShared, OwnerAgentId);
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.HasIndex(v => new { v.WorkspaceId, v.OwnerAgentId });
        builder.Property(v => v.Name).HasMaxLength(Limits.ShortText);
        builder.Property(v => v.FilterJson).HasMaxLength(4000);
        builder.Ignore(v => v.Filter);
        builder.Ignore(v => v.IsShared);
    }
}
