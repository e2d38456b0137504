using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Macros;

/// <summary>
/// Macros: every agent reads the shared ones and keeps their own personal ones; only Owner/Admin
/// create, change or delete shared macros.
/// </summary>
public static class MacroApi
{
    public const int MaxVisible = 500;

    public static RouteGroupBuilder MapMacroApi(this RouteGroupBuilder api)
    {
        var macros = api.MapGroup("/macros").WithTags("Macros").RequireAuthorization(Policies.Agent);
        macros.MapGet("/", ListMacros).WithName(nameof(ListMacros));
        macros.MapGet("/{id:guid}", GetMacro).WithName(nameof(GetMacro));
        macros.MapPost("/", CreateMacro).WithWriteTransaction().WithName(nameof(CreateMacro));
        macros.MapPut("/{id:guid}", UpdateMacro).WithWriteTransaction().WithName(nameof(UpdateMacro));
        macros.MapDelete("/{id:guid}", DeleteMacro).WithWriteTransaction().WithName(nameof(DeleteMacro));
        return api;
    }

    /// <summary>The macros the caller can use, shared first, then by name.</summary>
    public static async Task<Ok<List<MacroResponse>>> ListMacros(Caller caller, HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await VisibleAsync(db, caller, ct)).ConvertAll(MacroResponse.Of));

    public static Task<List<Macro>> VisibleAsync(HeliodeskDb db, Caller caller, CancellationToken ct) =>
        Visible(db, caller).Include(m => m.Bodies).OrderBy(m => m.OwnerAgentId != null).ThenBy(m => m.Name).Take(MaxVisible).ToListAsync(ct);

    public static IQueryable<Macro> Visible(HeliodeskDb db, Caller caller) =>
        db.Set<Macro>().Where(m => m.OwnerAgentId == null || m.OwnerAgentId == caller.AgentId);

    public static async Task<Results<Ok<MacroResponse>, NotFound>> GetMacro(Guid id, Caller caller, HeliodeskDb db, CancellationToken ct) =>
        await Visible(db, caller).AsNoTracking().Include(m => m.Bodies).FirstOrDefaultAsync(m => m.Id == id, ct) is { } macro
            ? TypedResults.Ok(MacroResponse.Of(macro))
            : TypedResults.NotFound();

    public static async Task<Results<Created<MacroResponse>, ProblemHttpResult>> CreateMacro(
        SaveMacroRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        if (request.Shared && !caller.IsAdmin)
        {
            return SharedIsAdminOnly();
        }
        var now = time.GetUtcNow();
        var macro = new Macro
        {
            WorkspaceId = caller.WorkspaceId,
            Name = "",
            OwnerAgentId = request.Shared ? null : caller.AgentId,
            CreatedAt = now,
        };
        await MacroRules.ApplyAsync(macro, request, db, now, ct);
        db.Set<Macro>().Add(macro);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/macros/{macro.Id}", MacroResponse.Of(macro));
    }

    /// <summary>Replaces the macro's name, bodies and actions; a macro stays shared or personal for its life.</summary>
    public static async Task<Results<Ok<MacroResponse>, NotFound, ProblemHttpResult>> UpdateMacro(
        Guid id, SaveMacroRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var macro = await Visible(db, caller).Include(m => m.Bodies).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null)
        {
            return TypedResults.NotFound();
        }
        if (macro.IsShared && !caller.IsAdmin)
        {
            return SharedIsAdminOnly();
        }
        if (request.Shared != macro.IsShared)
        {
            throw new DomainRuleException("shared", "A macro stays shared or personal; create a new one to change that.");
        }
        db.RemoveRange(macro.Bodies);
        macro.Bodies.Clear();
        await MacroRules.ApplyAsync(macro, request, db, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MacroResponse.Of(macro));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteMacro(Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var macro = await Visible(db, caller).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (macro is null)
        {
            return TypedResults.NotFound();
        }
        if (macro.IsShared && !caller.IsAdmin)
        {
            return SharedIsAdminOnly();
        }
        db.Remove(macro);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult SharedIsAdminOnly() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Shared macros are kept by admins", detail: "Only an Owner or Admin can create, change or delete shared macros; keep a personal macro instead (\"shared\": false).");
}
