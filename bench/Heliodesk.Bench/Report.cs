using System.Text;
using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>Turns raw run outcomes into results, prints them for people, appends them as JSON Lines.</summary>
internal static class Report
{
    public static ScenarioResult ToResult(string scenario, BenchContext context, int concurrency, int warmup, RunOutcome outcome, double? averageItems)
    {
        var stats = new LatencyStats(outcome.LatenciesMs);
        double? Ms(Func<LatencyStats, double> pick) => stats.IsEmpty ? null : Math.Round(pick(stats), 3);
        context.Rss?.Sample();
        var seconds = outcome.Elapsed.TotalSeconds;
        return new ScenarioResult(
            Scenario: scenario,
            Timestamp: DateTimeOffset.UtcNow,
            Url: context.Api.BaseUrl.ToString(),
            Concurrency: concurrency,
            Warmup: warmup,
            Planned: outcome.Planned,
            Requests: outcome.Completed,
            Errors: outcome.Errors,
            ElapsedSeconds: Math.Round(seconds, 3),
            // Completed requests (successful or not) per second: the server had to answer each one.
            ThroughputPerSecond: seconds > 0 ? Math.Round(outcome.Completed / seconds, 1) : 0,
            SuccessPerSecond: seconds > 0 ? Math.Round((outcome.Completed - outcome.Errors) / seconds, 1) : 0,
            LatencySamples: stats.Count,
            P50Ms: Ms(s => s.Percentile(50)),
            P95Ms: Ms(s => s.Percentile(95)),
            P99Ms: Ms(s => s.Percentile(99)),
            MaxMs: Ms(s => s.Max),
            MeanMs: Ms(s => s.Mean),
            StoppedEarly: outcome.StoppedEarly,
            StatusCounts: outcome.StatusCounts,
            FirstError: outcome.FirstError,
            AverageItems: averageItems,
            WorkspaceTickets: context.State.TicketCount,
            Teams: context.State.TeamIds.Count,
            RssPeakMb: context.Rss?.WindowPeakMb,
            RssEndMb: context.Rss?.LastMb);
    }

    public static void Print(ScenarioResult r)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"== {r.Scenario} ==  {r.Url}  concurrency {r.Concurrency}, warm-up {r.Warmup:N0}");
        var errorRate = r.Requests > 0 ? 100.0 * r.Errors / r.Requests : 0;
        text.AppendLine($"  requests     {r.Requests:N0} of {r.Planned:N0}   errors {r.Errors:N0} ({errorRate:F2}%)");
        text.AppendLine($"  elapsed      {r.ElapsedSeconds:F2} s   throughput {r.ThroughputPerSecond:N1} req/s" +
            (r.Errors > 0 ? $" ({r.SuccessPerSecond:N1} successful/s)" : ""));
        text.AppendLine(r.P50Ms is null
            ? "  latency ms   (no samples)"
            : $"  latency ms   p50 {r.P50Ms:F2}   p95 {r.P95Ms:F2}   p99 {r.P99Ms:F2}   max {r.MaxMs:F2}   (mean {r.MeanMs:F2}, n {r.LatencySamples:N0})");
        text.AppendLine(r.StatusCounts.Count == 0
            ? "  status       (no requests)"
            : $"  status       {string.Join("  ", r.StatusCounts.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value:N0}"))}");
        if (r.AverageItems is not null || r.Scenario == "list")
        {
            text.AppendLine($"  items/page   {r.AverageItems?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} (expected {Scenarios.ListPageSize})");
        }
        if (r.Scenario != "list")
        {
            text.AppendLine($"  workspace    {r.WorkspaceTickets:N0} tickets created by the bench so far");
        }
        if (r.RssPeakMb is not null)
        {
            text.AppendLine($"  server RSS   peak {r.RssPeakMb:F1} MB   at end {r.RssEndMb:F1} MB");
        }
        if (r.Teams < WorkspaceSetup.TeamCount)
        {
            text.AppendLine($"  WARNING: only {r.Teams} of {WorkspaceSetup.TeamCount} teams exist" +
                (r.Teams == 0 ? "; tickets are unassigned and list queries omit teamId." : "."));
        }
        if (r.StoppedEarly is not null)
        {
            text.AppendLine($"  WARNING: stopped early ({r.StoppedEarly}) after {r.Requests:N0} of {r.Planned:N0} requests.");
        }
        if (r.FirstError is not null)
        {
            text.AppendLine($"  first error  {r.FirstError}");
        }
        if (r.Scenario == "list" && r.AverageItems is not null && Math.Abs(r.AverageItems.Value - Scenarios.ListPageSize) > 0.001)
        {
            text.AppendLine($"  WARNING: pages averaged {r.AverageItems:F2} items, not {Scenarios.ListPageSize}: teams have too few open " +
                "tickets (run --scenario seed first) or the server ignores limit.");
        }
        Console.Write(text.ToString());
    }

    public static void PrintMemory(RunSummary summary)
    {
        Console.WriteLine();
        Console.WriteLine(summary.RssSamples == 0
            ? $"== memory ==  server pid {summary.ServerPid}: no RSS samples (process gone, or /proc unavailable)"
            : $"== memory ==  server pid {summary.ServerPid}: peak {summary.RssPeakMb:F1} MB, final {summary.RssFinalMb:F1} MB " +
              (summary.RssHighWaterMarkMb is null ? "(server gone at the end), " : $"(kernel VmHWM {summary.RssHighWaterMarkMb:F1} MB), ") +
              $"{summary.RssSamples:N0} samples every 250 ms");
    }

    /// <summary>Appends one JSON object per line, so repeated runs accumulate in one file.</summary>
    public static void AppendJson<T>(string? path, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        if (path is null)
        {
            return;
        }
        var line = JsonSerializer.Serialize(value, typeInfo) + "\n";
        File.AppendAllText(path, line, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
