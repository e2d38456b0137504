namespace Heliodesk.Common;

/// <summary>Marks customer data: every such row carries its workspace and is filtered by it.</summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; }
}
