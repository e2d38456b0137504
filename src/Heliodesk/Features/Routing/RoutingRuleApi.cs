using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>Every condition is optional; a rule with none catches every ticket that reaches it.</summary>
public sealed record RoutingRuleRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: Required] Guid? QueueId,
    [property: Range(0, 1_000_000)] int? Position = null,
    Channel? Channel = null,
    [property: MaxLength(Limits.Language)] string? Language = null,
    TicketPriority? MinPriority = null,
    [property: Range(1, 3)] int? MinTier = null,
    [property: MaxLength(Limits.Tag)] string? Tag = null,
    Guid? OrganizationId = null,
    [property: MaxLength(Limits.ShortText)] string? Plan = null);

public sealed record RoutingRuleResponse(
    Guid Id, int Position, string Name, Guid QueueId, Channel? Channel, string? Language, TicketPriority? MinPriority, int? MinTier,
    string? Tag, Guid? OrganizationId, string? Plan);

/// <summary>The workspace's routing table, tried in order of position. Admins edit it; staff can read it.</summary>
public static class RoutingRuleApi
{
    public static RouteGroupBuilder MapRoutingRuleApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/routing-rules").WithTags("Routing").RequireAuthorization(Policies.Staff);
        rules.MapGet("/", ListRoutingRules).WithName(nameof(ListRoutingRules));
        rules.MapPost("/", CreateRoutingRule).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(CreateRoutingRule));
        rules.MapPut("/{id:guid}", ReplaceRoutingRule).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(ReplaceRoutingRule));
        rules.MapDelete("/{id:guid}", DeleteRoutingRule).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteRoutingRule));
        return rules;
    }

    public static async Task<Ok<List<RoutingRuleResponse>>> ListRoutingRules(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    public static async Task<Created<RoutingRuleResponse>> CreateRoutingRule(RoutingRuleRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var position = request.Position ?? (await db.Set<RoutingRule>().MaxAsync(r => (int?)r.Position, ct) ?? 0) + 10;
        var rule = new RoutingRule { WorkspaceId = caller.WorkspaceId, Name = "" };
        await ApplyAsync(db, rule, request with { Position = position }, ct);
        db.Set<RoutingRule>().Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/routing-rules/{rule.Id}", ToResponse(rule));
    }

    public static async Task<Results<Ok<RoutingRuleResponse>, NotFound>> ReplaceRoutingRule(Guid id, RoutingRuleRequest request, HeliodeskDb db, CancellationToken ct)
    {
        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }
        await ApplyAsync(db, rule, request with { Position = request.Position ?? rule.Position }, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(rule));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteRoutingRule(Guid id, HeliodeskDb db, CancellationToken ct)
    {
        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return TypedResults.NotFound();
        }
        db.Set<RoutingRule>().Remove(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(HeliodeskDb db, RoutingRule rule, RoutingRuleRequest request, CancellationToken ct)
    {
        if (!await db.Set<RoutingQueue>().AnyAsync(q => q.Id == request.QueueId, ct))
        {
            throw new DomainRuleException("queueId", "No queue with this id in this workspace.");
        }
        if (request.OrganizationId is { } org && !await db.Organizations.AnyAsync(o => o.Id == org, ct))
        {
            throw new DomainRuleException("organizationId", "No organization with this id in this workspace.");
        }
        rule.Name = AgentProfile.Name(request.Name);
        rule.QueueId = request.QueueId!.Value;
        rule.Position = request.Position!.Value;
        rule.Channel = request.Channel;
        rule.Language = request.Language is null ? null : Fields.Language(request.Language);
        rule.MinPriority = request.MinPriority;
        rule.MinTier = request.MinTier;
        rule.Tag = request.Tag is null ? null : TicketAccess.NormalizeTags([request.Tag], "tag").Single();
        rule.OrganizationId = request.OrganizationId;
        rule.Plan = string.IsNullOrWhiteSpace(request.Plan) ? null : request.Plan.Trim();
        // Tickets no rule matched so far get another look under the new table.
        await db.Set<TicketRouting>().Where(r => r.State == RoutingState.Unmatched).ExecuteDeleteAsync(ct);
    }

    private static RoutingRuleResponse ToResponse(RoutingRule r) =>
        new(r.Id, r.Position, r.Name, r.QueueId, r.Channel, r.Language, r.MinPriority, r.MinTier, r.Tag, r.OrganizationId, r.Plan);
}
