using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workspaces;

public sealed record CreateWorkspaceRequest(
    [property: Required, MinLength(1), MaxLength(Limits.Name)] string Name,
    [property: MaxLength(Limits.Email)] string? OwnerEmail = null,
    [property: MaxLength(Limits.Name)] string? OwnerName = null);

public sealed record CreatedWorkspace(Guid Id, string Name, string OwnerToken, Guid OwnerAgentId, string? OwnerPassword);

public sealed record WorkspaceResponse(Guid Id, string Name, string DefaultLanguage, string TimeZone, DateTimeOffset CreatedAt);

public sealed record UpdateWorkspaceRequest(
    [property: MinLength(1), MaxLength(Limits.Name)] string? Name = null,
    [property: MaxLength(Limits.Language)] string? DefaultLanguage = null,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone = null);

public static class WorkspaceApi
{
    public static RouteGroupBuilder MapWorkspacesEndpoints(this RouteGroupBuilder api)
    {
        var instance = api.MapGroup("/workspaces").WithTags("Workspaces").RequireAuthorization(Policies.InstanceAdmin);
        instance.MapPost("/", CreateWorkspace).WithWriteTransaction().WithName(nameof(CreateWorkspace));
        instance.MapGet("/", ListWorkspaces).WithName(nameof(ListWorkspaces));
        instance.MapGet("/{id:guid}", GetWorkspaceById).WithName(nameof(GetWorkspaceById));

        var current = api.MapGroup("/workspace").WithTags("Workspaces");
        current.MapGet("/", GetWorkspace).RequireAuthorization(Policies.Agent).WithName(nameof(GetWorkspace));
        current.MapPatch("/", UpdateWorkspace).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(UpdateWorkspace));
        return api;
    }

    /// <summary>Creates a workspace and its owner; the owner's API token (and password, given an email) is shown once.</summary>
    public static async Task<Created<CreatedWorkspace>> CreateWorkspace(CreateWorkspaceRequest request, WorkspaceProvisioning provisioning, CancellationToken ct)
    {
        if (request.OwnerEmail is not null && !EmailAddress.IsValid(request.OwnerEmail))
        {
            throw new DomainRuleException("ownerEmail", "Enter the owner's email address, like name@example.com.");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new DomainRuleException("name", "Give the workspace a name.");
        }
        var created = await provisioning.CreateAsync(request.Name, request.OwnerEmail, request.OwnerName, ct);
        return TypedResults.Created($"/api/v1/workspaces/{created.Workspace.Id}",
            new CreatedWorkspace(created.Workspace.Id, created.Workspace.Name, created.OwnerToken, created.Owner.Id, created.OwnerPassword));
    }

    public static async Task<Ok<List<WorkspaceResponse>>> ListWorkspaces(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Workspaces.AsNoTracking().OrderBy(w => w.CreatedAt)
            .Select(w => new WorkspaceResponse(w.Id, w.Name, w.DefaultLanguage, w.TimeZone, w.CreatedAt)).ToListAsync(ct));

    public static async Task<Results<Ok<WorkspaceResponse>, NotFound>> GetWorkspaceById(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new WorkspaceResponse(w.Id, w.Name, w.DefaultLanguage, w.TimeZone, w.CreatedAt)).FirstOrDefaultAsync(ct) is { } workspace
            ? TypedResults.Ok(workspace)
            : TypedResults.NotFound();

    public static async Task<Ok<WorkspaceResponse>> GetWorkspace(Caller caller, HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Workspaces.AsNoTracking().Where(w => w.Id == caller.WorkspaceId)
            .Select(w => new WorkspaceResponse(w.Id, w.Name, w.DefaultLanguage, w.TimeZone, w.CreatedAt)).SingleAsync(ct));

    public static async Task<Ok<WorkspaceResponse>> UpdateWorkspace(UpdateWorkspaceRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == caller.WorkspaceId, ct);
        if (request.Name is { } name)
        {
            workspace.Name = string.IsNullOrWhiteSpace(name) ? throw new DomainRuleException("name", "Give the workspace a name.") : name.Trim();
        }
        if (request.DefaultLanguage is { } language)
        {
            workspace.DefaultLanguage = Fields.Language(language, "defaultLanguage");
        }
        if (request.TimeZone is { } zone)
        {
            workspace.TimeZone = Fields.TimeZone(zone);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WorkspaceResponse(workspace.Id, workspace.Name, workspace.DefaultLanguage, workspace.TimeZone, workspace.CreatedAt));
    }
}
