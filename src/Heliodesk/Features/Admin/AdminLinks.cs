namespace Heliodesk.Features.Admin;

/// <summary>A page in the rail's Admin section: its address and the UiText key of its name.</summary>
public sealed record AdminLink(string Path, string TextKey);

/// <summary>
/// The Admin section of the left rail, for owners and admins. Another admin page adds its line here.
/// (The dev mailbox is listed after these, and only while mail is being captured.)
/// </summary>
public static class AdminLinks
{
    public static readonly IReadOnlyList<AdminLink> All =
    [
        new("admin/agents", "Admin.Agents.Title"),
        new("admin/teams", "Admin.Teams.Title"),
        new("admin/workspace", "Admin.Workspace.Title"),
        new("admin/regions", "Regions.Title"),
        new("admin/tokens", "Admin.Tokens.Title"),
        new("admin/mailboxes", "Admin.Mailboxes.Title"),
        new("admin/webhooks", "Admin.Webhooks.Title"),
        new("admin/macros", "Rail.Macros"),
    ];
}
