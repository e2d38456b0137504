namespace Heliodesk.Common;

/// <summary>
/// The workspace the current unit of work runs in. The DbContext filters every workspace-owned
/// query by it, so an unset scope (Guid.Empty) sees no customer data at all.
/// </summary>
public sealed class WorkspaceScope
{
    public Guid WorkspaceId { get; private set; }

    public void Enter(Guid workspaceId)
    {
        if (WorkspaceId != Guid.Empty && WorkspaceId != workspaceId)
        {
            throw new InvalidOperationException("A unit of work cannot switch workspaces.");
        }
        WorkspaceId = workspaceId;
    }
}
