using System.Globalization;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record TierShare(int Tier, int Solved, double Share, double Target, double Gap);

public sealed record TierMixResponse(DateTimeOffset From, DateTimeOffset To, int Solved, IReadOnlyList<TierShare> Tiers, bool OnTarget);

/// <summary>
/// The share of tickets solved at each tier against a target such as 90/10: a help desk whose first tier solves
/// less than planned is escalating too much (or training too little).
/// </summary>
public static class TierMix
{
    public static RouteGroupBuilder MapTierMixApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/tier-mix", GetTierMix).WithTags("Routing").RequireAuthorization(Policies.Lead).WithName(nameof(GetTierMix));
        return api;
    }

    /// <summary><paramref name="target"/> lists percentages for T1, T2, T3 ("90,10" or "80,15,5"); the default is 90,10.</summary>
    public static async Task<Ok<TierMixResponse>> GetTierMix(HeliodeskDb db, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to, string? target, CancellationToken ct)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-28);
        if (start >= end)
        {
            throw new DomainRuleException("from", "Use a start before the end.");
        }
        var goals = Targets(target ?? "90,10");
        var counts = await db.Tickets.AsNoTracking()
            .Where(t => t.SolvedAt != null && t.SolvedAt >= start && t.SolvedAt < end)
            .GroupBy(t => t.Tier).Select(g => new { Tier = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Tier, g => g.Count, ct);
        return TypedResults.Ok(Compute(start, end, counts, goals));
    }

    public static TierMixResponse Compute(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<int, int> solvedByTier, IReadOnlyList<double> targets)
    {
        var total = solvedByTier.Values.Sum();
        var tiers = Enumerable.Range(1, 3).Select(tier =>
        {
            var solved = solvedByTier.GetValueOrDefault(tier);
            var share = total == 0 ? 0 : Math.Round(100.0 * solved / total, 1);
            var goal = tier <= targets.Count ? targets[tier - 1] : 0;
            return new TierShare(tier, solved, share, goal, Math.Round(share - goal, 1));
        }).ToList();
        // On target when the first tier solves at least its planned share: the higher tiers then have no more than theirs.
        return new TierMixResponse(from, to, total, tiers, total > 0 && tiers[0].Gap >= 0);
    }

    public static IReadOnlyList<double> Targets(string raw)
    {
        var parts = raw.Split([',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : double.NaN).ToList();
        if (values.Count is < 1 or > 3 || values.Any(double.IsNaN) || Math.Abs(values.Sum() - 100) > 0.01)
        {
            throw new DomainRuleException("target", "List the percentage for T1, T2 and optionally T3, adding up to 100: 90,10 or 80,15,5.");
        }
        return values;
    }
}
