using Heliodesk.Bench;

namespace Heliodesk.Tests.Unit;

/// <summary>The benchmark's percentiles: nearest rank on the sorted samples, the definition docs/benchmarks.md states.</summary>
public sealed class LatencyStatsTests
{
    [Fact]
    public void Percentiles_use_the_nearest_rank_of_the_sorted_samples()
    {
        var stats = new LatencyStats(Enumerable.Range(1, 100).Select(i => (double)(101 - i)));

        Assert.Equal((1, 100, 50.5), (stats.Min, stats.Max, stats.Mean));
        Assert.Equal(50, stats.Percentile(50));
        Assert.Equal(95, stats.Percentile(95));
        Assert.Equal(99, stats.Percentile(99));
        Assert.Equal(100, stats.Percentile(100));
    }

    [Fact]
    public void A_single_slow_request_shows_in_p99_of_a_hundred_but_not_in_p95()
    {
        var stats = new LatencyStats([.. Enumerable.Repeat(5.0, 99), 900.0]);

        Assert.Equal(5, stats.Percentile(95));
        Assert.Equal(5, stats.Percentile(99));
        Assert.Equal(900, stats.Percentile(100));
    }
}
