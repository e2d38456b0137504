using System.Security.Claims;

namespace Heliodesk.Features.Agents;

/// <summary>The signed-in agent behind a request, read from the claims the auth handlers issue.</summary>
public sealed record Caller(Guid WorkspaceId, Guid AgentId, AgentRole Role, string Name)
{
    public const string WorkspaceClaim = "hd:ws";
    public const string AgentClaim = "hd:agent";
    public const string UserClaim = "hd:user";
    public const string InstanceAdminClaim = "hd:instance-admin";

    public bool IsAdmin => Role is AgentRole.Owner or AgentRole.Admin;

    public static Caller? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WorkspaceClaim), out var workspace)
        && Guid.TryParse(user.FindFirstValue(AgentClaim), out var agent)
        && Enum.TryParse<AgentRole>(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new Caller(workspace, agent, role, user.FindFirstValue(ClaimTypes.Name) ?? "")
            : null;

    /// <summary>Minimal API binding: endpoints that take a Caller only run for workspace members.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static IEnumerable<Claim> ClaimsFor(Guid workspaceId, Guid agentId, Guid userId, AgentRole role, string name) =>
    [
        new(WorkspaceClaim, workspaceId.ToString()),
        new(AgentClaim, agentId.ToString()),
        new(UserClaim, userId.ToString()),
        new(ClaimTypes.Role, role.ToString()),
        new(ClaimTypes.Name, name),
    ];
}
