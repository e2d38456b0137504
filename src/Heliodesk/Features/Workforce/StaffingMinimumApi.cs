using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workforce;

/// <summary>
/// A rule either in one sentence (<c>rule</c>: "weekdays 09-17 need 2 es-speaking billing agents in EMEA") or in
/// fields (<c>region</c>, <c>language</c>, <c>skill</c>, <c>when</c>: "weekdays 09-17", <c>agents</c>); fields
/// given next to a sentence override what the sentence said.
/// </summary>
public sealed record StaffingMinimumRequest(
    [property: MaxLength(Limits.Subject)] string? Rule = null,
    [property: MaxLength(Limits.ShortText)] string? Region = null,
    [property: MaxLength(Limits.Language)] string? Language = null,
    [property: MaxLength(Limits.ShortText)] string? Skill = null,
    [property: MaxLength(Limits.ShortText)] string? When = null,
    [property: Range(1, 1000)] int? Agents = null);

public sealed record StaffingMinimumResponse(
    Guid Id, string Region, string TimeZone, string? Language, string? Skill, int Agents, string When, IReadOnlyList<int> HoursOfWeek, string Rule,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Minimum staffing rules: leads and admins write them; the coverage grid and the live alert read them.</summary>
public static class StaffingMinimumApi
{
    public static RouteGroupBuilder MapStaffingMinimumApi(this RouteGroupBuilder staffing)
    {
        var minimums = staffing.MapGroup("/minimums");
        minimums.MapGet("/", ListStaffingMinimums).WithName(nameof(ListStaffingMinimums));
        minimums.MapGet("/{id:guid}", GetStaffingMinimum).WithName(nameof(GetStaffingMinimum));
        minimums.MapPost("/", CreateStaffingMinimum).WithWriteTransaction().WithName(nameof(CreateStaffingMinimum));
        minimums.MapPut("/{id:guid}", ReplaceStaffingMinimum).WithWriteTransaction().WithName(nameof(ReplaceStaffingMinimum));
        minimums.MapDelete("/{id:guid}", DeleteStaffingMinimum).WithWriteTransaction().WithName(nameof(DeleteStaffingMinimum));
        return staffing;
    }

    public static async Task<Ok<List<StaffingMinimumResponse>>> ListStaffingMinimums(string? region, HeliodeskDb db, CancellationToken ct)
    {
        var query = db.Set<StaffingMinimum>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(m => m.Region == region.Trim());
        }
        var minimums = await query.ToListAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, [.. minimums.OrderBy(m => m.Region).ThenBy(m => m.Language).ThenBy(m => m.Skill).ThenBy(m => m.HoursOfWeek.FirstOrDefault())], ct));
    }

    public static async Task<Results<Ok<StaffingMinimumResponse>, NotFound>> GetStaffingMinimum(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<StaffingMinimum>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } minimum
            ? TypedResults.Ok((await DescribeAsync(db, [minimum], ct))[0])
            : TypedResults.NotFound();

    public static async Task<Created<StaffingMinimumResponse>> CreateStaffingMinimum(
        StaffingMinimumRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var minimum = new StaffingMinimum { WorkspaceId = caller.WorkspaceId, Region = "", When = "", CreatedAt = now };
        await ApplyAsync(db, minimum, request, now, ct);
        db.Add(minimum);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/staffing/minimums/{minimum.Id}", (await DescribeAsync(db, [minimum], ct))[0]);
    }

    public static async Task<Results<Ok<StaffingMinimumResponse>, NotFound>> ReplaceStaffingMinimum(
        Guid id, StaffingMinimumRequest request, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var minimum = await db.Set<StaffingMinimum>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (minimum is null)
        {
            return TypedResults.NotFound();
        }
        await ApplyAsync(db, minimum, request, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await DescribeAsync(db, [minimum], ct))[0]);
    }

    public static async Task<Results<NoContent, NotFound>> DeleteStaffingMinimum(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<StaffingMinimum>().Where(m => m.Id == id).ExecuteDeleteAsync(ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task ApplyAsync(HeliodeskDb db, StaffingMinimum minimum, StaffingMinimumRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var said = string.IsNullOrWhiteSpace(request.Rule) ? new StaffingRuleSpec(null, null, null, null, null) : StaffingRuleText.ParseSentence(request.Rule);
        var regionName = AgentProfile.Region(StaffingRuleText.Hyphens(request.Region ?? said.Region))
            ?? throw new DomainRuleException("region", "Name the region, e.g. EMEA.");
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == regionName, ct)
            ?? throw new DomainRuleException("region", $"There is no region {regionName}: add it under /api/v1/regions first, so its time zone is known.");
        var language = StaffingRuleText.Hyphens(request.Language ?? said.Language);
        var when = request.When ?? said.When ?? throw new DomainRuleException("when", "Say which hours, e.g. weekdays 09-17.");
        var hours = StaffingRuleText.Hours(when, request.When is null && said.When is not null ? "rule" : "when");

        minimum.Region = region.Name;
        minimum.Language = string.IsNullOrWhiteSpace(language) ? null : Fields.Language(language);
        minimum.Skill = StaffingRuleText.Skill(request.Skill ?? said.Skill);
        minimum.Agents = request.Agents ?? said.Agents ?? throw new DomainRuleException("agents", "Say how many agents are needed.");
        if (minimum.Agents is < 1 or > 1000)
        {
            throw new DomainRuleException("agents", "Use a number of agents from 1 to 1000.");
        }
        minimum.When = hours.When;
        minimum.HoursOfWeek = [.. hours.HoursOfWeek];
        minimum.UpdatedAt = now;
    }

    public static async Task<List<StaffingMinimumResponse>> DescribeAsync(HeliodeskDb db, IReadOnlyList<StaffingMinimum> minimums, CancellationToken ct)
    {
        var zones = await db.Set<Region>().AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.TimeZone, ct);
        return [.. minimums.Select(m => new StaffingMinimumResponse(m.Id, m.Region, zones.GetValueOrDefault(m.Region) ?? "UTC", m.Language, m.Skill, m.Agents, m.When,
            m.HoursOfWeek, StaffingRuleText.Sentence(m.Region, m.Language, m.Skill, m.Agents, m.When), m.CreatedAt, m.UpdatedAt))];
    }
}
